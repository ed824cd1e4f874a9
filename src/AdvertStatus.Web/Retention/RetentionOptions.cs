using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Retention;

/// <summary>The <c>Retention</c> settings: how long raw data is kept, and how the purge paces itself.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Whether this instance runs the purge on its timer (default true). With several instances one
    /// is enough; the others may turn it off (two would only take turns through the same rows).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Status messages, security events and inventory history older than this are purged (default 90 days).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan DataMaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Audit entries are kept longer (default 400 days: a year and its review).</summary>
    [Range(typeof(TimeSpan), "30.00:00:00", "3650.00:00:00")]
    public TimeSpan AuditMaxAge { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the purge runs (default hourly).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per transaction: small, so ingestion's commits slip in between (default 1,000).</summary>
    [Range(10, 50_000)]
    public int BatchSize { get; set; } = 1_000;
}
