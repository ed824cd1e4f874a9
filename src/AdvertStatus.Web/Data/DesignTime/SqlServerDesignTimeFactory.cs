using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdvertStatus.Web.Data.DesignTime;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context (and scripts) with no server running.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAdvertStatusDbContext>
{
    public SqlServerAdvertStatusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>()
            .UseSqlServer("Server=localhost;Database=AdvertStatus;Trusted_Connection=False;Encrypt=False")
            .Options);
}
