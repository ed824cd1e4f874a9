namespace AdvertStatus.Core.Coverage;

/// <summary>One row of a KB's file table.</summary>
public sealed record HotfixFile(string Variant, DateOnly Date, string? Version, int Size, string Name, string Platform);
