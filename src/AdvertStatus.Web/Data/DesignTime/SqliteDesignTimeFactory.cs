using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdvertStatus.Web.Data.DesignTime;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAdvertStatusDbContext>
{
    public SqliteAdvertStatusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
