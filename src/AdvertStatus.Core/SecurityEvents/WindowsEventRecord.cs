namespace AdvertStatus.Core.SecurityEvents;

/// <summary>
/// One <c>&lt;Event&gt;</c> as read from Windows Event XML, before validation: the System values as text,
/// the named <c>EventData/Data</c> items (case-insensitive names) and the unnamed ones in order, as
/// down-level events (644, 529, 675, 681) carry them.
/// </summary>
public sealed record WindowsEventRecord(
    string? EventId,
    string? TimeCreated,
    string? Computer,
    string? EventRecordId,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyList<string> InsertionStrings);
