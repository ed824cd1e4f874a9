using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>The untracked bulk insert of the ingestion hot path stores rows exactly as SaveChanges does.</summary>
public class RowInserterTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static StatusMessage Message(string machine, string recordId) => new()
    {
        RecordId = recordId,
        MachineName = machine,
        SiteCode = "LAB",
        Time = new DateTime(2026, 11, 24, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
        ReceivedAt = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc),
        MessageId = 10003,
        Severity = Severity.Error,
        Component = "Advertised Programs Manager",
        Win32Error = 0x80070525,
        Win32Code = 1317,
        AdvertisementId = "LAB20001",
        PackageName = "Office 2000 \"SR-1\"",
        ProgramName = "Setup",
        Text = "Ünïcode, quotes \" and a\nnewline",
        InsertionStrings = ["LAB20001", "", "Office 2000", "Setup"],
        Attributes = [new MessageAttributeValue { AttributeId = 401, Value = "LAB20001" }, new MessageAttributeValue { AttributeId = 403, Value = "CORP\\ann" }],
        Fingerprint = new string('a', 32),
    };

    [Fact]
    public async Task Stores_a_status_message_byte_for_byte_as_SaveChanges_does()
    {
        var machine = Unique.Machine();
        var viaEf = Message(machine, "ef");
        var viaInserter = Message(machine, "raw");

        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.StatusMessages.Add(viaEf);
            await db.SaveChangesAsync();
            await RowInserter.InsertAsync(db, [viaInserter], TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return 0;
        });
        var columns = await app.QueryAsync(db => db.Database
            .SqlQuery<StoredColumns>($"SELECT Time, Severity, InsertionStrings, Attributes, Text, Win32Error FROM StatusMessages WHERE MachineName = {machine} ORDER BY Id")
            .ToListAsync());
        var read = await app.QueryAsync(db => db.StatusMessages.AsNoTracking().SingleAsync(m => m.Id == viaInserter.Id));

        Assert.True(viaInserter.Id > viaEf.Id);
        Assert.Equal(columns[0], columns[1]);
        Assert.Equal((viaEf.Time, viaEf.Severity, viaEf.Text), (read.Time, read.Severity, read.Text));
        Assert.Equal(viaEf.InsertionStrings, read.InsertionStrings);
        Assert.Equal(viaEf.Attributes.Select(a => (a.AttributeId, a.Value)), read.Attributes.Select(a => (a.AttributeId, a.Value)));
    }

    [Fact]
    public async Task Refuses_to_insert_outside_a_transaction()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            await RowInserter.InsertAsync(db, [Message(Unique.Machine(), "1")], TestContext.Current.CancellationToken);
            return 0;
        }));
    }

    [Fact]
    public void The_SQL_Server_statement_is_valid_T_SQL_returning_the_new_id()
    {
        var options = new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=unused;Database=unused").Options;
        using var db = new SqlServerAdvertStatusDbContext(options);

        var sql = RowInserter.InsertSql(db, typeof(StatusMessage));
        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        var insert = Assert.IsType<InsertStatement>(Assert.Single(Assert.Single(((TSqlScript)script).Batches).Statements));
        Assert.NotNull(insert.InsertSpecification.OutputClause);
        Assert.Equal("StatusMessages", ((NamedTableReference)insert.InsertSpecification.Target).SchemaObject.BaseIdentifier.Value);
        Assert.Contains("[Attributes]", sql, StringComparison.Ordinal);
        Assert.Contains("[InsertionStrings]", sql, StringComparison.Ordinal);
    }

    private sealed record StoredColumns(string Time, long? Severity, string? InsertionStrings, string? Attributes, string? Text, long? Win32Error);
}
