using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>The SQLite flavour of the model; its migrations live in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteAdvertStatusDbContext(DbContextOptions<SqliteAdvertStatusDbContext> options)
    : AdvertStatusDbContext(options)
{
    internal override IRowWriter Rows => new SqliteRowWriter(this);
}
