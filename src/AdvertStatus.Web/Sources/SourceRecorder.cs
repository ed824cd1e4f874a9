using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Sources;

/// <summary>Notes, inside an ingestion transaction, which sites or DCs a batch came from; saved with the batch.</summary>
internal static class SourceRecorder
{
    /// <summary>
    /// One upsert per source, done by the database: the item count adds up and the last-received time only
    /// moves forward, so two instances (or two requests of one group commit) recording the same site both count,
    /// and no row has to be read and tracked first.
    /// </summary>
    public static async Task RecordAsync(
        AdvertStatusDbContext db, DataSourceKind kind, IEnumerable<string?> namesOfItems, DateTime receivedAt, CancellationToken cancellationToken)
    {
        var sql = UpsertSql(db.Database.IsSqlServer());
        foreach (var source in namesOfItems.Where(n => !string.IsNullOrWhiteSpace(n)).GroupBy(n => n!.Trim().ToUpperInvariant()))
        {
            await db.Database.ExecuteSqlRawAsync(sql, [kind.ToString(), source.Key, receivedAt, (long)source.Count()], cancellationToken);
        }
    }

    /// <summary>
    /// The upsert with <c>{0}</c> the kind, <c>{1}</c> the name, <c>{2}</c> the time received and <c>{3}</c> the
    /// items (public for the T-SQL parse test). SQLite compares the stored times as text, which orders them:
    /// Microsoft.Data.Sqlite writes them as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>.
    /// </summary>
    public static string UpsertSql(bool sqlServer) => sqlServer
        ? "MERGE [DataSources] WITH (HOLDLOCK) AS [target] USING (VALUES ({0}, {1}, {2}, {3})) AS [source] ([Kind], [Name], [ReceivedAt], [Items]) " +
            "ON [target].[Kind] = [source].[Kind] AND [target].[Name] = [source].[Name] " +
            "WHEN MATCHED THEN UPDATE SET [target].[ItemsReceived] = [target].[ItemsReceived] + [source].[Items], " +
            "[target].[LastReceivedAt] = CASE WHEN [source].[ReceivedAt] > [target].[LastReceivedAt] THEN [source].[ReceivedAt] ELSE [target].[LastReceivedAt] END " +
            "WHEN NOT MATCHED THEN INSERT ([Kind], [Name], [FirstReceivedAt], [LastReceivedAt], [ItemsReceived]) " +
            "VALUES ([source].[Kind], [source].[Name], [source].[ReceivedAt], [source].[ReceivedAt], [source].[Items]);"
        : "INSERT INTO \"DataSources\" (\"Kind\", \"Name\", \"FirstReceivedAt\", \"LastReceivedAt\", \"ItemsReceived\") VALUES ({0}, {1}, {2}, {2}, {3}) " +
            "ON CONFLICT (\"Kind\", \"Name\") DO UPDATE SET \"ItemsReceived\" = \"ItemsReceived\" + excluded.\"ItemsReceived\", " +
            "\"LastReceivedAt\" = MAX(\"LastReceivedAt\", excluded.\"LastReceivedAt\");";
}
