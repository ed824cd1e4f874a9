using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>The SQL Server flavour of the model; its migrations live in <c>Data/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerAdvertStatusDbContext(DbContextOptions<SqlServerAdvertStatusDbContext> options)
    : AdvertStatusDbContext(options)
{
    internal override IRowWriter Rows => new SqlServerRowWriter(this);
}
