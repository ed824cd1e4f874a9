using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Findings;

/// <summary>The recorder numbers new findings itself and changed ones through SaveChanges, from one counter.</summary>
public class FindingRecorderTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static readonly DateTime Time = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static Observation Failure(string machine) => new(RuleNames.Error1317, Keys.MachineAdvertisement(machine, "LAB20001"), machine, "LAB20001", "CORP", null,
        [new EvidenceItem(EvidenceSource.StatusMessage, Unique.Number(), Time, true, machine, "LAB", "10003 error 1317", "LAB20001")]);

    [Fact]
    public async Task Two_recordings_in_one_transaction_open_and_change_findings_each_with_a_number_of_its_own()
    {
        var (stored, opened) = (Unique.Machine(), Unique.Machine());
        var recorder = app.Services.GetRequiredService<FindingRecorder>();
        var cancel = TestContext.Current.CancellationToken;
        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            await recorder.RecordAsync(db, [Failure(stored)], cancel);
            await transaction.CommitAsync(cancel);
            return 0;
        });
        var before = await app.QueryAsync(db => db.Findings.MaxAsync(f => f.ChangeSequence, cancel));

        // The first recording changes a stored finding (SaveChanges numbers it and tracks the counter); the second
        // opens one and changes the stored one again, in the same context and transaction.
        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            await recorder.RecordAsync(db, [Failure(stored)], cancel);
            await recorder.RecordAsync(db, [Failure(opened), Failure(stored)], cancel);
            await transaction.CommitAsync(cancel);
            return 0;
        });

        var findings = await app.QueryAsync(db => db.Findings.AsNoTracking().Where(f => f.MachineName == stored || f.MachineName == opened).ToListAsync(cancel));
        Assert.Equal(3, findings.Single(f => f.MachineName == stored).Count);
        Assert.Equal(1, findings.Single(f => f.MachineName == opened).Count);
        Assert.Equal(before + 3, await app.QueryAsync(db => db.ChangeCounters.Where(c => c.Name == ChangeCounter.FindingsFeed).Select(c => c.Value).SingleAsync(cancel)));
        Assert.Equal([before + 2, before + 3], findings.Select(f => f.ChangeSequence).Order());
    }
}
