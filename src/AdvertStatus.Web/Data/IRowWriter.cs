namespace AdvertStatus.Web.Data;

/// <summary>
/// Writes rows of one entity type without change tracking, inside the context's current transaction, as
/// <c>SaveChanges</c> would store them (every column fact comes from the EF model, <see cref="RowShape"/>).
/// The ingestion hot path's one seam between providers: SQLite has a measured fast path of its own
/// (<see cref="SqliteRowWriter"/>); SQL Server uses only code its maintainers test against real SQL Server,
/// <c>SqlBulkCopy</c> and EF Core (<see cref="SqlServerRowWriter"/>). ADR 0010 records the choice and its numbers.
/// </summary>
/// <remarks>
/// A write that loses a race for a unique key to another instance throws; <see cref="DatabaseConflict"/>
/// recognises that on either provider, and the ingestion writer runs the request again.
/// </remarks>
internal interface IRowWriter
{
    /// <summary>
    /// Inserts those of <paramref name="rows"/> whose unique key (the entity's one unique index) is not stored yet,
    /// and returns them. The rows' keys must be distinct.
    /// </summary>
    Task<IReadOnlyList<T>> InsertNewAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Appends <paramref name="rows"/>, none of which may be tracked.</summary>
    Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Writes <paramref name="rows"/> by primary key: a new key is inserted whole, a stored one gets only the
    /// <paramref name="updated"/> properties, so columns other writers own are never overwritten with what this
    /// caller read.
    /// </summary>
    Task UpsertAsync<T>(IReadOnlyList<T> rows, IReadOnlyCollection<string> updated, CancellationToken cancellationToken)
        where T : class;
}
