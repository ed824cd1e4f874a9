namespace AdvertStatus.Web.Security;

/// <summary>The three roles; each includes what the one before it may do.</summary>
public static class Roles
{
    /// <summary>Reads every page and exports CSV.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Viewer, plus acknowledge and resolve findings.</summary>
    public const string Operator = "Operator";

    /// <summary>Operator, plus rule settings, API keys, users and the audit log.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    /// <summary>The role as spelled here, or null when it is not one of the three.</summary>
    public static string? Find(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
