namespace AdvertStatus.Core.Machines;

/// <summary>An SMS site, known from the site code of the data it reports.</summary>
public sealed class Site
{
    public required string SiteCode { get; set; }

    /// <summary>The Smsapm32 version in the site's client component source (Clicomp.src\smsapm32\compver.ini).</summary>
    public string? Smsapm32SourceVersion { get; set; }

    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
}
