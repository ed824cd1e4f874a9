namespace AdvertStatus.Core.Coverage;

/// <summary>Whether a machine runs a build that contains a hotfix.</summary>
public enum Verdict
{
    /// <summary>No usable Smsapm32.exe version is known (no inventory yet).</summary>
    Unknown = 0,

    /// <summary>The build is in the fixed-build set.</summary>
    Fixed = 1,

    /// <summary>The build is known and not in the fixed-build set.</summary>
    Vulnerable = 2,
}
