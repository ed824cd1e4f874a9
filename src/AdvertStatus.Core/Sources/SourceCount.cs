namespace AdvertStatus.Core.Sources;

/// <summary>What one batch brought from one source: items received, stored, recognised as re-sent, and in conflict.</summary>
public sealed record SourceCount(string Name, int Received, int Stored, int Duplicates, int Conflicts);
