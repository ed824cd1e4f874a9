using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Sources;

/// <summary>The <c>Sources</c> settings.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>A site or DC that has sent nothing for this long shows as silent (default 24 h).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromHours(24);
}
