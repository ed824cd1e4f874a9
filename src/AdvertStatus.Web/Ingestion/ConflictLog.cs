namespace AdvertStatus.Web.Ingestion;

/// <summary>Warns about re-sends that reuse a stored key for different content: an agent bug worth seeing in the log.</summary>
internal static partial class ConflictLog
{
    public static void Warn<T>(ILogger logger, string kind, IReadOnlyList<T> conflicts, Func<T, string> describeKey)
    {
        if (conflicts.Count > 0)
        {
            LogConflicts(logger, conflicts.Count, kind, describeKey(conflicts[0]));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} re-sent {Kind} reuse a stored idempotency key with different content; the stored ones were kept. First key: {Key}")]
    private static partial void LogConflicts(ILogger logger, int count, string kind, string key);
}
