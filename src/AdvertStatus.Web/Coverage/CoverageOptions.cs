using AdvertStatus.Core.Coverage;

namespace AdvertStatus.Web.Coverage;

/// <summary>
/// The <c>Coverage</c> settings. <c>Coverage:FixedBuilds</c> lists the Smsapm32.exe builds that contain
/// Q307434 as <c>from-to</c> ranges or single versions; add the SP4 Hotfix Rollup build here once known.
/// </summary>
public sealed class CoverageOptions
{
    public const string Section = "Coverage";

    public List<string> FixedBuilds { get; set; } = [.. FixedBuildSet.Q307434Default];

    /// <summary>The share of fixed workstations the rollout aims for (<c>Coverage:TargetPercent</c>, default 95): the coverage card is green from there.</summary>
    public double TargetPercent { get; set; } = 95;

    public static bool IsValid(CoverageOptions options) =>
        options is { FixedBuilds.Count: > 0, TargetPercent: > 0 and <= 100 } && FixedBuildSet.TryParse(options.FixedBuilds, out _, out _);
}
