namespace AdvertStatus.Core.AdvertisementStatus;

/// <summary>
/// Which Advertised Programs Manager message feeds which column (domain.md §3.2). 10022 (preliminary
/// success before a reboot) is deliberately in no column: the 10008 after the restart is the success.
/// </summary>
public static class StatusColumns
{
    private static readonly Dictionary<int, StatusColumn> Columns = new()
    {
        [10002] = StatusColumn.Received,
        [10000] = StatusColumn.Failures,
        [10001] = StatusColumn.Failures,
        [10003] = StatusColumn.Failures,
        [10004] = StatusColumn.Failures,
        [10018] = StatusColumn.Failures,
        [10005] = StatusColumn.ProgramsStarted,
        [10006] = StatusColumn.ProgramErrors,
        [10007] = StatusColumn.ProgramErrors,
        [10008] = StatusColumn.ProgramSuccess,
        [10009] = StatusColumn.ProgramSuccess,
    };

    /// <summary>Every message ID that feeds a column.</summary>
    public static IReadOnlyCollection<int> MessageIds { get; } = Columns.Keys;

    public static StatusColumn? ColumnOf(int messageId) => Columns.TryGetValue(messageId, out var column) ? column : null;

    /// <summary>Parses a column name as the API spells it (<c>programErrors</c>), in any case.</summary>
    public static StatusColumn? Parse(string? name) =>
        Enum.TryParse<StatusColumn>(name, ignoreCase: true, out var column) && Enum.IsDefined(column) ? column : null;
}
