using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdvertStatus.Web.Data;

/// <summary>
/// WAL lets the dashboard read while ingestion writes. synchronous=FULL fsyncs the WAL at every commit,
/// so a 202 survives a power cut, not only a process crash (NORMAL would lose the last commits);
/// the ingestion writer's group commit pays that fsync once for many batches.
/// </summary>
/// <remarks>
/// busy_timeout bounds how long a statement waits for another connection's lock (<see cref="DatabaseOptions.BusyTimeoutSeconds"/>).
/// A 64 MB page cache keeps a forwarder's machines, tallies and index pages in memory between commits; the automatic
/// checkpoint is off because <see cref="SqliteCheckpointer"/> does it on a connection of its own (ADR 0011).
/// </remarks>
internal sealed class SqlitePragmaInterceptor(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds}; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=0;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsReadOnly(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsReadOnly(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>EF opens a read-only connection to ask whether the file exists; setting the journal mode there would need a write.</summary>
    private static bool IsReadOnly(DbConnection connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;
}
