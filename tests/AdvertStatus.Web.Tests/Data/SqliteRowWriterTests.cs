using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>The SQLite row writer of the ingestion hot path stores rows exactly as SaveChanges does; every statement it builds runs here.</summary>
public class SqliteRowWriterTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
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
            await db.Rows.InsertAsync([viaInserter], TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return 0;
        });
        var read = await app.QueryAsync(db => db.StatusMessages.AsNoTracking().SingleAsync(m => m.Id == viaInserter.Id));

        Assert.True(viaInserter.Id > viaEf.Id);
        await AssertStoredAlikeAsync("StatusMessages", "Id", viaEf.Id, viaInserter.Id, "RecordId");
        Assert.Equal((viaEf.Time, viaEf.Severity, viaEf.Text), (read.Time, read.Severity, read.Text));
        Assert.Equal(viaEf.InsertionStrings, read.InsertionStrings);
        Assert.Equal(viaEf.Attributes.Select(a => (a.AttributeId, a.Value)), read.Attributes.Select(a => (a.AttributeId, a.Value)));
    }

    [Fact]
    public async Task Stores_machines_tallies_and_evidence_as_SaveChanges_does()
    {
        var (ef, raw) = (Unique.Machine(), Unique.Machine());
        Machine MachineNamed(string name) => new()
        {
            MachineName = name, SiteCode = "LAB", Domain = "CORP", ClientOs = "Windows 2000 Professional", Platform = "x86", Role = MachineRole.Client,
            Smsapm32Version = "2.0.1493.3300", Verdict = Verdict.Fixed, InventoryTime = new DateTime(2026, 11, 24, 1, 2, 3, DateTimeKind.Utc).AddTicks(5),
            FirstSeen = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), LastSeen = new DateTime(2026, 11, 24, 9, 30, 15, 250, DateTimeKind.Utc),
        };
        AdvertisementMachineStatus Tally(string name) => new()
        {
            AdvertisementId = "LAB20001", MachineName = name, SiteCode = "LAB", Received = 1, Failures = 2, ProgramsStarted = 3, ProgramErrors = 0, ProgramSuccess = 1,
            LastMessageId = 10008, LastTime = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), LastWin32Code = null, SucceededThisRun = true,
        };
        var evidence = (Ef: new FindingEvidence { FindingId = 0, Source = EvidenceSource.StatusMessage, SourceId = 7, Time = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), Counts = true, Machine = ef, Description = "10003 error 1317", AdvertisementId = "LAB20001" },
            Raw: new FindingEvidence { FindingId = 0, Source = EvidenceSource.StatusMessage, SourceId = 8, Time = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), Counts = true, Machine = raw, Description = "10003 error 1317", AdvertisementId = "LAB20001" });

        Finding FindingOf(string name)
        {
            var finding = Finding.Open(new Observation(RuleNames.Error1317, name + "|LAB20001", name, "LAB20001", "CORP", null, []), new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc));
            finding.SiteCode = "LAB";
            finding.Record([new EvidenceItem(EvidenceSource.StatusMessage, 7, new DateTime(2026, 11, 24, 8, 59, 1, DateTimeKind.Utc), true, name, "LAB", "10003 error 1317", "LAB20001")],
                new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc).AddTicks(3));
            return finding;
        }

        Finding rawFinding = null!;
        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var finding = db.Findings.Add(FindingOf(ef)).Entity;
            await db.SaveChangesAsync();
            rawFinding = FindingOf(raw);
            rawFinding.ChangeSequence = finding.ChangeSequence;   // SaveChanges numbers it in the change feed
            await db.Rows.InsertAsync([rawFinding], TestContext.Current.CancellationToken);
            (evidence.Ef.FindingId, evidence.Raw.FindingId) = (finding.Id, finding.Id);
            db.Machines.Add(MachineNamed(ef));
            db.AdvertisementMachineStatuses.Add(Tally(ef));
            db.FindingEvidence.Add(evidence.Ef);
            await db.SaveChangesAsync();
            await db.Rows.UpsertAsync([MachineNamed(raw)], [nameof(Machine.LastSeen)], TestContext.Current.CancellationToken);
            await db.Rows.UpsertAsync([Tally(raw)], [nameof(AdvertisementMachineStatus.Received)], TestContext.Current.CancellationToken);
            await db.Rows.InsertAsync([evidence.Raw], TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return 0;
        });

        await AssertStoredAlikeAsync("Findings", "MachineName", ef, raw, "Id", "Key");
        await AssertStoredAlikeAsync("Machines", "MachineName", ef, raw);
        await AssertStoredAlikeAsync("AdvertisementMachineStatuses", "MachineName", ef, raw);
        await AssertStoredAlikeAsync("FindingEvidence", "Id", evidence.Ef.Id, evidence.Raw.Id, "Machine", "SourceId");
    }

    /// <summary>Every column of two rows has the same value and SQLite storage class, but for the key and <paramref name="differing"/>.</summary>
    private async Task AssertStoredAlikeAsync(string table, string key, object first, object second, params string[] differing)
    {
        var rows = await app.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" IN (@first, @second) ORDER BY \"{key}\" = @second";
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@first", first));
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@second", second));
            await using var reader = await command.ExecuteReaderAsync();
            var read = new List<Dictionary<string, object>>();
            while (await reader.ReadAsync())
            {
                read.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
            }

            return read;
        });

        Assert.Equal(2, rows.Count);
        foreach (var column in rows[0].Keys.Where(c => c != key && !differing.Contains(c)))
        {
            Assert.True(Equals(rows[0][column], rows[1][column]),
                $"{table}.{column}: SaveChanges stored {rows[0][column]} ({rows[0][column].GetType().Name}), the inserter {rows[1][column]} ({rows[1][column].GetType().Name}).");
        }
    }

    [Fact]
    public async Task Rows_that_repeat_or_drop_the_previous_rows_values_are_stored_each_with_its_own()
    {
        // The inserter leaves a value bound when the next row has the same one: a row whose value changes,
        // goes null or comes back must still be stored with its own.
        var machine = Unique.Machine();
        var texts = new[] { "first", "first", null, null, "first", "second" };
        var rows = texts.Select((text, i) =>
        {
            var message = Message(machine, $"r{i}");
            message.Text = text;
            message.Win32Code = i % 2 == 0 ? 1317 : null;
            message.InsertionStrings = i < 3 ? ["LAB20001"] : [];
            return message;
        }).ToList();

        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Rows.InsertAsync(rows, TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return 0;
        });
        var read = await app.QueryAsync(db => db.StatusMessages.AsNoTracking().Where(m => m.MachineName == machine).OrderBy(m => m.Id).ToListAsync());

        Assert.Equal(texts, read.Select(m => m.Text));
        Assert.Equal([1317, null, 1317, null, 1317, null], read.Select(m => m.Win32Code));
        Assert.Equal([1, 1, 1, 0, 0, 0], read.Select(m => m.InsertionStrings.Count));
    }

    [Fact]
    public async Task Refuses_to_insert_outside_a_transaction()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            await db.Rows.InsertAsync([Message(Unique.Machine(), "1")], TestContext.Current.CancellationToken);
            return 0;
        }));
    }

    [Fact]
    public async Task Inserts_only_the_rows_whose_key_is_not_stored_and_leaves_the_stored_row_as_it_was()
    {
        var machine = Unique.Machine();
        var first = Message(machine, "1");
        var again = Message(machine, "1");
        again.Text = "a different text under the same key";
        var second = Message(machine, "2");

        var (inserted, texts) = await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Rows.InsertNewAsync([first], TestContext.Current.CancellationToken);
            var written = await db.Rows.InsertNewAsync([again, second], TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return (written, await db.StatusMessages.Where(m => m.MachineName == machine).OrderBy(m => m.RecordId).Select(m => m.Text).ToListAsync());
        });

        Assert.Same(second, Assert.Single(inserted));
        Assert.True(second.Id > first.Id);
        Assert.Equal(0, again.Id);
        Assert.Equal([first.Text, second.Text], texts);
    }

    [Fact]
    public async Task An_upsert_inserts_a_new_row_whole_and_changes_only_the_named_columns_of_a_stored_one()
    {
        var name = Unique.Machine();
        await app.QueryAsync(async db =>
        {
            db.Machines.Add(new Machine { MachineName = name, SiteCode = "LAB", Verdict = Verdict.Fixed, Smsapm32Version = "2.0.1493.4202", LastSeen = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
            return await db.SaveChangesAsync();
        });
        var newName = Unique.Machine();

        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = new List<Machine>
            {
                new() { MachineName = name, SiteCode = "NEW", Verdict = Verdict.Vulnerable, LastSeen = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc) },
                new() { MachineName = newName, SiteCode = "NEW", Verdict = Verdict.Vulnerable, LastSeen = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc) },
            };
            await db.Rows.UpsertAsync(rows, [nameof(Machine.SiteCode), nameof(Machine.LastSeen)], TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return 0;
        });
        var stored = await app.QueryAsync(db => db.Machines.AsNoTracking().Where(m => m.MachineName == name || m.MachineName == newName).ToDictionaryAsync(m => m.MachineName));

        Assert.Equal(("NEW", Verdict.Fixed, "2.0.1493.4202", 24), (stored[name].SiteCode, stored[name].Verdict, stored[name].Smsapm32Version, stored[name].LastSeen.Day));
        Assert.Equal(("NEW", Verdict.Vulnerable), (stored[newName].SiteCode, stored[newName].Verdict));
    }

    [Fact]
    public async Task The_SQLite_statements_skip_or_update_by_key()
    {
        var insertNew = await app.QueryAsync(db => Task.FromResult(SqliteRowWriter.InsertNewSql(db, typeof(StatusMessage))));
        var upsert = await app.QueryAsync(db => Task.FromResult(SqliteRowWriter.UpsertSql(db, typeof(Machine), [nameof(Machine.LastSeen)])));

        Assert.EndsWith("ON CONFLICT (\"MachineName\", \"RecordId\") DO NOTHING;", insertNew, StringComparison.Ordinal);
        Assert.EndsWith("ON CONFLICT (\"MachineName\") DO UPDATE SET \"LastSeen\" = excluded.\"LastSeen\";", upsert, StringComparison.Ordinal);
    }
}
