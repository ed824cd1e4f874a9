using System.Diagnostics;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Reports;

/// <summary>
/// A 100,000-machine export, streamed: an app of its own so the other suites stay small. Runs alone: the memory
/// check reads the process-wide heap, which other tests running at the same time would distort (in CI's full run
/// they added ~90 MB).
/// </summary>
[Collection(nameof(MeasuredAlone))]
public class LargeExportTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private const int Machines = 100_000;

    [Fact]
    public async Task Streams_a_100k_row_export_in_constant_memory()
    {
        using (var client = app.CreateAgent())
        {
            await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);   // start the app and migrate
        }

        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Machines})
            INSERT INTO Machines (MachineName, SiteCode, Domain, ClientOs, Platform, Role, Smsapm32Version, Verdict, FirstSeen, LastSeen)
            SELECT 'BULK' || printf('%06d', i), 'BLK', 'CORP', 'Windows 2000 Professional', 'i386', 'Client', '2.00.1493.4012', 'Vulnerable',
                   '2026-11-24 00:00:00', '2026-11-24 00:00:00'
            FROM n
            """, TestContext.Current.CancellationToken));
        using var agent = app.CreateAgent();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        var watch = Stopwatch.StartNew();

        using var response = await agent.GetAsync("/api/v1/reports/affected-workstations.csv?affected=false&site=BLK",
            HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var lines = 0;
        string? last = null;
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            lines++;
            last = line;
            if (lines % 10_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Null(response.Content.Headers.ContentLength);   // streamed, not buffered to compute a length
        Assert.Equal(Machines + 1, lines);
        Assert.StartsWith("BULK100000,BLK,CORP,", last, StringComparison.Ordinal);
        // Live memory (after full collections) while the 100k rows stream; holding them all would be far above this.
        var growth = (peak - before) / (1024 * 1024);
        TestContext.Current.TestOutputHelper?.WriteLine($"100k-row export: {watch.Elapsed.TotalSeconds:N1} s, live heap growth {growth} MB");
        Assert.True(growth < 8, $"live heap grew by {growth} MB while exporting");
    }
}
