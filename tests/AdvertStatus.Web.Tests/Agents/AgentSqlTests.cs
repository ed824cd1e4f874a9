using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AdvertStatus.Web.Tests.Agents;

/// <summary>
/// The T-SQL Send-AdvertStatusSiteData runs against the SMS site database, parsed with ScriptDom
/// because no SQL Server runs here: it must parse, and it must only read.
/// </summary>
public class AgentSqlTests
{
    public static TheoryData<string> SqlFiles()
    {
        var folder = Path.Combine(ServerProcess.RepositoryRoot(), "agents", "AdvertStatus", "sql");
        return [.. Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(SqlFiles))]
    public void Each_query_parses_as_T_SQL_and_only_reads(string file)
    {
        var sql = File.ReadAllText(Path.Combine(ServerProcess.RepositoryRoot(), "agents", "AdvertStatus", "sql", file));

        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        var statement = Assert.Single(script.Batches.SelectMany(b => b.Statements));
        Assert.IsType<SelectStatement>(statement);
    }

    [Fact]
    public void The_agent_has_its_five_queries()
    {
        Assert.Equal(
            ["Advertisements.sql", "Smsapm32Versions.sql", "StatusMessageAttributes.sql", "StatusMessageInsStrs.sql", "StatusMessages.sql"],
            SqlFiles().Select(row => (string)row.Data));
    }
}
