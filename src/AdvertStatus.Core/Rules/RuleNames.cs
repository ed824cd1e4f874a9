namespace AdvertStatus.Core.Rules;

/// <summary>The rule names as the API and CSV reports spell them.</summary>
public static class RuleNames
{
    public const string Error1317 = "Error1317";
    public const string RepeatedLockout = "RepeatedLockout";
    public const string Q307434 = "Q307434";
    public const string Q264714 = "Q264714";
    public const string LocalInstallAccountAfterFix = "LocalInstallAccountAfterFix";

    public static IReadOnlyList<string> All { get; } = [Error1317, RepeatedLockout, Q307434, Q264714, LocalInstallAccountAfterFix];

    /// <summary>The canonical spelling of a rule name given in any case, or null when unknown.</summary>
    public static string? Find(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
