using System.Globalization;

namespace AdvertStatus.Core.Machines;

/// <summary>Text a person can trust by looking at it.</summary>
public static class VisibleText
{
    /// <summary>
    /// False when <paramref name="text"/> holds a Unicode format character (category Cf: zero-width spaces and joiners,
    /// bidirectional embeddings, overrides and isolates, the byte-order mark): invisible, or reordering what follows.
    /// </summary>
    public static bool IsVisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }
}
