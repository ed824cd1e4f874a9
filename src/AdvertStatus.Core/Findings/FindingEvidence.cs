namespace AdvertStatus.Core.Findings;

/// <summary>A stored link from a finding to one message or event; unique per finding and source row.</summary>
public sealed class FindingEvidence
{
    public long Id { get; set; }
    public long FindingId { get; set; }
    public EvidenceSource Source { get; set; }
    public long SourceId { get; set; }
    public DateTime Time { get; set; }
    public bool Counts { get; set; }
    public string? Machine { get; set; }
    public string? Reporter { get; set; }
    public required string Description { get; set; }

    /// <summary>The advertisement of a status message (what a Q307434 finding lists as its advertisements).</summary>
    public string? AdvertisementId { get; set; }

    public static FindingEvidence For(long findingId, EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            FindingId = findingId,
            Source = item.Source,
            SourceId = item.SourceId,
            Time = item.Time,
            Counts = item.Counts,
            Machine = item.Machine,
            Reporter = item.Reporter,
            Description = item.Description,
            AdvertisementId = item.AdvertisementId,
        };
    }
}
