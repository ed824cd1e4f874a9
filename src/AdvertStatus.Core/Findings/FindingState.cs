namespace AdvertStatus.Core.Findings;

/// <summary>Open → Acknowledged → Resolved; a recurrence after Resolved re-opens.</summary>
public enum FindingState
{
    Open = 0,
    Acknowledged = 1,
    Resolved = 2,
}
