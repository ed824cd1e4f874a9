using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>The projection's summary of pending batches, the one query of the write path EF shapes unusually (a constant group), parsed as T-SQL.</summary>
public class SqlServerProgressQueryTests
{
    [Fact]
    public void The_pending_batches_summary_is_one_valid_T_SQL_aggregate()
    {
        using var db = new SqlServerAdvertStatusDbContext(new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        var sql = IngestionProgress.PendingQuery(db).ToQueryString();

        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        Assert.IsType<SelectStatement>(Assert.Single(Assert.Single(((TSqlScript)script).Batches).Statements));
        Assert.Contains("[ProjectedAt] IS NULL", sql, StringComparison.Ordinal);
        Assert.Contains("MIN(", sql, StringComparison.Ordinal);
    }
}
