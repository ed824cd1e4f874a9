using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Sources;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AdvertStatus.Web.Tests.Sources;

/// <summary>Sources are recorded by one upsert each, which adds items and only moves the last-received time forward.</summary>
public class SourceRecorderTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    [Fact]
    public async Task Recording_adds_the_items_keeps_the_first_time_and_moves_the_last_time_only_forward()
    {
        var site = Unique.Machine("S");
        var noon = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        // Whole and fractional seconds: SQLite compares the stored times as text.
        var batches = new (DateTime At, string?[] Names)[]
        {
            (noon.AddMilliseconds(500), [site, site.ToLowerInvariant(), " ", null]),
            (noon, [site]),                                  // arrived later, dated earlier: last stays
            (noon.AddSeconds(1), [$" {site} ", site, site]),
        };

        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var (at, names) in batches)
            {
                await SourceRecorder.RecordAsync(db, DataSourceKind.Site, names, at, TestContext.Current.CancellationToken);
            }

            await transaction.CommitAsync();
            return 0;
        });
        var stored = await app.QueryAsync(db => db.DataSources.AsNoTracking().SingleAsync(s => s.Name == site));

        Assert.Equal((DataSourceKind.Site, 6L), (stored.Kind, stored.ItemsReceived));
        Assert.Equal(noon.AddMilliseconds(500), stored.FirstReceivedAt);
        Assert.Equal(noon.AddSeconds(1), stored.LastReceivedAt);
    }

    [Fact]
    public void The_SQL_Server_upsert_is_a_valid_MERGE_that_adds_the_items()
    {
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, SourceRecorder.UpsertSql(sqlServer: true), "@p0", "@p1", "@p2", "@p3");

        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        var merge = Assert.IsType<MergeStatement>(Assert.Single(Assert.Single(((TSqlScript)script).Batches).Statements));
        var update = Assert.IsType<UpdateMergeAction>(merge.MergeSpecification.ActionClauses.Single(a => a.Condition == MergeCondition.Matched).Action);
        var items = update.SetClauses.OfType<AssignmentSetClause>().Single(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value == "ItemsReceived");
        Assert.IsType<BinaryExpression>(items.NewValue);   // an addition, not an overwrite
        Assert.Contains(merge.MergeSpecification.ActionClauses, a => a.Action is InsertMergeAction);
    }
}
