namespace AdvertStatus.Core.Findings;

/// <summary>Where a piece of evidence is stored.</summary>
public enum EvidenceSource
{
    StatusMessage = 1,
    SecurityEvent = 2,
}
