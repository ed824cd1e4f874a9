using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Sources;

/// <summary>Sources add up what projected batches brought from them, from the earliest to the latest time received.</summary>
public class SourceRecorderTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    [Fact]
    public async Task Recording_adds_each_count_and_spans_the_earliest_to_the_latest_time_received()
    {
        var site = Unique.Machine("S");
        var dc = Unique.Machine("DC");
        var noon = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        // Whole and fractional seconds: SQLite compares the stored times as text.
        var batches = new[]
        {
            Batch(IngestionKind.StatusMessages, noon.AddMilliseconds(500), new SourceCount(site, 4, 3, 1, 0)),
            Batch(IngestionKind.Inventory, noon, new SourceCount(site, 1, 1, 0, 0)),                // arrived later, dated earlier: last stays
            Batch(IngestionKind.StatusMessages, noon.AddSeconds(1), new SourceCount(site, 3, 0, 2, 1)),
            Batch(IngestionKind.SecurityEvents, noon, new SourceCount(dc, 2, 2, 0, 0)),             // a DC, not a site of the same name
        };

        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SourceRecorder.RecordAsync(db, batches, TestContext.Current.CancellationToken);
            await transaction.CommitAsync();
            return 0;
        });
        var stored = await app.QueryAsync(db => db.DataSources.AsNoTracking().Where(s => s.Name == site || s.Name == dc).ToDictionaryAsync(s => s.Name));

        Assert.Equal((DataSourceKind.Site, 8L, 4L, 3L, 1L), (stored[site].Kind, stored[site].ItemsReceived, stored[site].ItemsStored, stored[site].Duplicates, stored[site].Conflicts));
        Assert.Equal(noon, stored[site].FirstReceivedAt);
        Assert.Equal(noon.AddSeconds(1), stored[site].LastReceivedAt);
        Assert.Equal((DataSourceKind.DomainController, 2L, 2L), (stored[dc].Kind, stored[dc].ItemsReceived, stored[dc].ItemsStored));
    }

    private static IngestionBatch Batch(IngestionKind kind, DateTime receivedAt, SourceCount count) =>
        new() { Kind = kind, ReceivedAt = receivedAt, Stored = count.Stored, Sources = [count] };
}
