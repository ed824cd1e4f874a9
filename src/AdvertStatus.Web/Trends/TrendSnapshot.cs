namespace AdvertStatus.Web.Trends;

/// <summary>
/// How things stood at the start of one hour, for the whole fleet (<see cref="Fleet"/>) or one site:
/// affected workstations, open findings per rule, lockouts in the hour before, and hotfix coverage.
/// Kept so the overview can draw the burn-down after a fix is rolled out.
/// </summary>
public sealed class TrendSnapshot
{
    /// <summary>The site code of the whole-fleet rows (not a valid site code, so it never collides).</summary>
    public const string Fleet = "*";

    public DateTime Hour { get; set; }
    public required string SiteCode { get; set; }
    public int AffectedWorkstations { get; set; }
    public int OpenError1317 { get; set; }
    public int OpenQ307434 { get; set; }
    public int OpenQ264714 { get; set; }
    public int OpenLocalInstallAccountAfterFix { get; set; }

    /// <summary>Domain-wide findings: counted on the fleet row only.</summary>
    public int OpenRepeatedLockout { get; set; }

    /// <summary><c>SMSCliToknAcct&amp;</c> lockouts logged in the hour before; DC data, so on the fleet row only (null on site rows).</summary>
    public int? Lockouts { get; set; }

    public int Fixed { get; set; }
    public int Vulnerable { get; set; }
    public int Unknown { get; set; }
}

/// <summary>Marks an hour as taken, once for all instances: its primary key is the hour.</summary>
public sealed class TrendHour
{
    public DateTime Hour { get; set; }
    public DateTime TakenAt { get; set; }

    /// <summary>The machine and process that took it (for the curious operator of several instances).</summary>
    public required string TakenBy { get; set; }
}
