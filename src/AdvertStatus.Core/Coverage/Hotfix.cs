namespace AdvertStatus.Core.Coverage;

/// <summary>A hotfix as its KB describes it: the files that carry it and where it was first shipped in a service pack.</summary>
public sealed record Hotfix(
    string Id,
    string Title,
    string FixedFile,
    string FirstCorrectedIn,
    string Remedy,
    IReadOnlyList<HotfixFile> Files);
