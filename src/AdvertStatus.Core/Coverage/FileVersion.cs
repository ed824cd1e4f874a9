using System.Globalization;

namespace AdvertStatus.Core.Coverage;

/// <summary>
/// A four-part SMS file version (<c>2.00.1493.3187</c>). Parts compare as numbers, so
/// <c>2.0.1493.3187</c> and <c>2.00.1493.3187</c> are the same build.
/// </summary>
public readonly record struct FileVersion(int Major, int Minor, int Build, int Revision) : IComparable<FileVersion>
{
    public static bool TryParse(string? text, out FileVersion version)
    {
        version = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 4 })
        {
            return false;
        }

        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new FileVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
        return true;
    }

    public static FileVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a four-part file version.");

    public int CompareTo(FileVersion other) =>
        (Major, Minor, Build, Revision).CompareTo((other.Major, other.Minor, other.Build, other.Revision));

    public static bool operator <(FileVersion left, FileVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(FileVersion left, FileVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(FileVersion left, FileVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(FileVersion left, FileVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The SMS spelling: minor part as two digits (<c>2.00.1493.3187</c>).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor:00}.{Build}.{Revision}");
}
