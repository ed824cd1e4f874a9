using AdvertStatus.Core.Sources;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// One accepted ingestion request between its append and its projection (ADR 0011). The request's new rows
/// carry its <see cref="Id"/>; the projector brings machines, tallies, sources and findings up to date with them
/// and marks this row projected in the same transaction, so a batch is projected exactly once, also across a crash.
/// </summary>
public sealed class IngestionBatch
{
    /// <summary>The batch's sequence number, given back in the 202 (<c>sequence</c>).</summary>
    public long Id { get; set; }

    public IngestionKind Kind { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// Shared by the batches of one group commit: after a commit whose outcome was lost (a dropped connection), the
    /// writer looks for it to tell a commit that happened from one that did not, instead of running the group twice.
    /// </summary>
    public Guid CommitToken { get; set; }

    /// <summary>When the projector projected it; null while it is pending. Projected rows are deleted after a while.</summary>
    public DateTime? ProjectedAt { get; set; }

    /// <summary>New rows the batch stored.</summary>
    public int Stored { get; set; }

    /// <summary>What the batch brought from each site (or DC): received, stored, duplicates, conflicts.</summary>
    public IList<SourceCount> Sources { get; set; } = [];
}
