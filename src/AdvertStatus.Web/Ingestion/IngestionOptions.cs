using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Ingestion;

/// <summary>The <c>Ingestion</c> settings of the writer and the projector.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How many waiting requests one commit may carry. Larger groups mean fewer fsyncs; the bound keeps
    /// one group's transaction, and the latency of its first request, short.
    /// </summary>
    [Range(1, 1000)]
    public int MaxRequestsPerCommit { get; set; } = 32;

    /// <summary>
    /// Ingestion requests an instance holds at once, from reading the body to the answer. One more is refused at
    /// once with 503 and <c>Retry-After</c>, before its body is read, so memory does not grow with waiting agents.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Work items the writer's queue holds (requests, projection cycles, retention batches).</summary>
    [Range(1, 100_000)]
    public int MaxQueuedRequests { get; set; } = 256;

    /// <summary>
    /// Stored items waiting for the projector beyond which new batches are refused with 503 and <c>Retry-After</c>
    /// until it catches up: findings then stay at most this far behind the ingestion.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxPendingItems { get; set; } = 500_000;

    /// <summary>
    /// While agents keep appending, the projector lets this many items gather before a cycle (or
    /// <see cref="ProjectionDelay"/> pass): one cycle over many batches writes each machine and tally row once,
    /// where a cycle per batch wrote it once per batch. When appends pause, it projects at once.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ProjectionBatchItems { get; set; } = 10_000;

    /// <summary>The longest a batch waits for its projection while appends keep arriving (see <see cref="ProjectionBatchItems"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ProjectionDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Items one projection cycle takes at most; a backlog is projected in several cycles, appends in between.</summary>
    [Range(1, 1_000_000)]
    public int MaxItemsPerProjection { get; set; } = 20_000;

    /// <summary>How long the projector's lease lasts without renewal: how soon another instance takes over from a dead one.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan ProjectorLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an instance looks for batches another instance appended, and whether the lease is free.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ProjectorPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long projected journal rows are kept (a lost commit's outcome is looked up by them).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ProjectedBatchRetention { get; set; } = TimeSpan.FromMinutes(10);
}
