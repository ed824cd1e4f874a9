namespace AdvertStatus.Core.Findings;

/// <summary>
/// What a rule saw: the finding it concerns (rule + key) and the evidence for it. Recording the same
/// observation twice changes nothing, so rules can be re-run over overlapping data.
/// </summary>
public sealed record Observation(
    string Rule,
    string Key,
    string? MachineName,
    string? AdvertisementId,
    string? Domain,
    string? Account,
    IReadOnlyList<EvidenceItem> Evidence);
