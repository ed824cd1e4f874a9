namespace AdvertStatus.Web.Notifications;

/// <summary>A CSV report e-mailed on a cron schedule.</summary>
public sealed class ReportSchedule
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The report's name as <c>GET /api/v1/reports/{name}.csv</c> spells it.</summary>
    public required string Report { get; set; }

    /// <summary>The report's filter query string, without the leading '?' (empty: unfiltered).</summary>
    public string Query { get; set; } = "";

    /// <summary>Five fields, UTC.</summary>
    public required string Cron { get; set; }

    public IList<string> Recipients { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>
    /// The next scheduled time not yet sent. An instance sends a time only after moving this past it with a guarded
    /// update (<see cref="ReportScheduler.TryClaimAsync"/>), so each time is sent by one instance; after downtime the missed times collapse into one.
    /// </summary>
    public DateTime NextDueAt { get; set; }

    public DateTime? LastSentAt { get; set; }
    public int? LastRowCount { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
}
