namespace AdvertStatus.Web.Findings;

/// <summary>
/// A named, database-wide counter. The <see cref="FindingsFeed"/> row numbers finding changes: a
/// commit that changes findings raises it in the same transaction, and the row's lock (SQLite's write
/// lock, a SQL Server row lock) keeps numbers in commit order, so a reader that has seen n has seen
/// every change up to n.
/// </summary>
public sealed class ChangeCounter
{
    public const string FindingsFeed = "findings";

    public required string Name { get; set; }

    /// <summary>The last number handed out; a concurrency token, so two instances never hand out the same one.</summary>
    public long Value { get; set; }
}
