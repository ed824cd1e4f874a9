using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Sources;

/// <summary>The <c>Sources</c> settings.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>A site or DC that has sent nothing for this long shows as silent (default 24 h).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A site first heard from within this long (default 7 days), after the installation had been receiving for a day,
    /// shows as new: a typo in an agent's site code makes one, and an Admin may remove it with its data.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan NewSiteFor { get; set; } = TimeSpan.FromDays(7);
}
