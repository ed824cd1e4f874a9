using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdvertStatus.Web.Data;

/// <summary>
/// WAL lets the dashboard read while ingestion writes. synchronous=FULL fsyncs the WAL at every commit,
/// so a 202 survives a power cut, not only a process crash (NORMAL would lose the last commits);
/// the ingestion writer's group commit pays that fsync once for many batches.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
