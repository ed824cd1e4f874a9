using System.Diagnostics;
using System.Globalization;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// The read side at fleet scale: 100,000 workstations, and status messages bulk-loaded straight into
/// the database (the same inserter as ingestion, no HTTP) to 1,000,000 and then to the target. Lists,
/// coverage and the overview are timed over real HTTP (p95 of repeated calls) at both sizes, so the
/// growth between them is a ratio measured in one run.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Repeats = 30;
    /// <summary>The dataset's 90 days end now, so the overview's last 7 days hold data.</summary>
    private static readonly DateTime Start = DateTime.UtcNow.Date.AddDays(-89);

    public static async Task RunAsync(string[] args)
    {
        var machines = Cli.Option(args, "--machines", 100_000);
        var messages = Cli.Option(args, "--messages", 10_000_000);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADVERTSTATUS_WEB", Path.Combine(Repository.Root, "src", "AdvertStatus.Web"));
        await using var app = new BenchmarkApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkApp.Key);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>();

        var load = Stopwatch.StartNew();
        await LoadFleetAsync(contexts, machines);
        var stored = 0;
        var first = Math.Min(1_000_000, messages);
        stored = await LoadMessagesAsync(contexts, machines, stored, first);
        Cli.Print("scale.load_1m_seconds", load.Elapsed.TotalSeconds);
        var small = await MeasureAsync(app, client, machines, "1m");

        load.Restart();
        stored = await LoadMessagesAsync(contexts, machines, stored, messages);
        Cli.Print("scale.load_rest_seconds", load.Elapsed.TotalSeconds);
        var large = await MeasureAsync(app, client, machines, "10m");

        foreach (var (name, p95) in large)
        {
            Cli.Print($"scale.growth_1m_to_10m.{name}", p95 / small[name]);
        }

        Cli.Print("scale.deep_page_vs_page_1", large["workstations_deep"] / large["workstations_page1"]);
        foreach (var (name, p95) in large)
        {
            Cli.AtMost($"scale.10m.{name}_p95_ms", p95, name switch { "overview" => 200, "findings_page1" or "coverage" => 50, _ => 100 });
            // "Not growing" with room for timer noise on figures of a few milliseconds.
            Cli.AtMost($"scale.growth_1m_to_10m.{name}", p95 / small[name], 1.25);
        }

        Cli.AtMost("scale.deep_page_vs_page_1", large["workstations_deep"] / large["workstations_page1"], 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {machines:N0} workstations, {stored:N0} status messages, p95 of {Repeats} calls each, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
    }

    private static async Task<Dictionary<string, double>> MeasureAsync(BenchmarkApp app, HttpClient client, int machines, string size)
    {
        var deepCursor = Cursor.Encode(Name(machines * 9 / 10));
        var routes = new (string Name, string Route)[]
        {
            ("workstations_page1", "/api/v1/workstations?limit=50"),
            ("workstations_deep", $"/api/v1/workstations?limit=50&cursor={deepCursor}"),
            ("workstations_site", "/api/v1/workstations?limit=50&site=NYC"),
            ("workstations_verdict", "/api/v1/workstations?limit=50&verdict=Vulnerable"),
            ("workstations_affected", "/api/v1/workstations?limit=50&affected=true"),
            ("workstations_rule", "/api/v1/workstations?limit=50&rule=Error1317"),
            ("workstations_text", "/api/v1/workstations?limit=50&q=W0012"),
            ("findings_page1", "/api/v1/findings?limit=50"),
            ("coverage", "/api/v1/coverage?hotfix=Q307434"),
        };
        var results = new Dictionary<string, double>();
        foreach (var (name, route) in routes)
        {
            results[name] = await P95Async(async () =>
            {
                using var response = await client.GetAsync(route);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            });
        }

        var overview = app.Services.GetRequiredService<OverviewQueries>();
        results["overview"] = await P95Async(() => overview.GetAsync(CancellationToken.None));
        foreach (var (name, p95) in results)
        {
            Cli.Print($"scale.{size}.{name}_p95_ms", p95);
        }

        return results;
    }

    private static async Task<double> P95Async(Func<Task> call)
    {
        await call();   // the first call compiles the query
        var times = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[(int)Math.Ceiling(0.95 * times.Count) - 1];
    }

    private static string Name(int machine) => string.Create(CultureInfo.InvariantCulture, $"W{machine:0000000}");

    private static async Task LoadFleetAsync(IDbContextFactory<AdvertStatusDbContext> contexts, int machines)
    {
        await using var db = await contexts.CreateDbContextAsync();
        foreach (var site in new[] { "LAB", "NYC", "SFO" })
        {
            db.Sites.Add(new Site { SiteCode = site, FirstSeen = Start, LastSeen = Start.AddDays(90) });
        }

        await db.SaveChangesAsync();
        foreach (var chunk in Enumerable.Range(0, machines).Chunk(20_000))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var fleet = chunk.Select(i => new Machine
            {
                MachineName = Name(i),
                SiteCode = (i % 3) switch { 0 => "LAB", 1 => "NYC", _ => "SFO" },
                Domain = "CORP",
                ClientOs = i % 10 == 0 ? "Windows 98" : "Windows 2000 Professional",
                Platform = "i386",
                Role = MachineRole.Client,
                Smsapm32Version = (i % 4) switch { 0 => "2.00.1493.3187", 1 => "2.00.1493.4012", 2 => "2.00.1493.3002", _ => null },
                Verdict = (i % 4) switch { 0 => Verdict.Fixed, 3 => Verdict.Unknown, _ => Verdict.Vulnerable },
                FirstSeen = Start,
                LastSeen = Start.AddDays(90),
            }).ToList();
            await db.Rows.InsertAsync(fleet, CancellationToken.None);
            // One machine in twenty has an open Error1317 finding, as a fleet hit by Q307434 would.
            var findings = chunk.Where(i => i % 20 == 0).Select(i => new Finding
            {
                Rule = RuleNames.Error1317,
                Key = Name(i) + "|LAB20001",
                State = FindingState.Open,
                MachineName = Name(i),
                SiteCode = (i % 3) switch { 0 => "LAB", 1 => "NYC", _ => "SFO" },
                AdvertisementId = "LAB20001",
                Count = 1,
                FirstSeen = Start.AddDays(80),
                LastSeen = Start.AddDays(80),
                CreatedAt = Start.AddDays(80),
                UpdatedAt = Start.AddDays(80),
                StateChangedAt = Start.AddDays(80),
            }).ToList();
            await db.Rows.InsertAsync(findings, CancellationToken.None);
            await transaction.CommitAsync();
        }
    }

    /// <summary>
    /// Messages spread over 90 days and every machine, 50,000 per transaction. One in 80 is a 1317 failure,
    /// always on a machine with an Error1317 finding, and is linked to it as evidence, as ingestion would.
    /// </summary>
    private static async Task<int> LoadMessagesAsync(IDbContextFactory<AdvertStatusDbContext> contexts, int machines, int from, int to)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var findingOf = await db.Findings.Where(f => f.Rule == RuleNames.Error1317).ToDictionaryAsync(f => f.MachineName!, f => f.Id);
        for (var at = from; at < to; at += 50_000)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = Enumerable.Range(at, Math.Min(50_000, to - at)).Select(i =>
            {
                var machine = i % machines;
                var fails = i % 80 == 0;
                return new StatusMessage
                {
                    RecordId = i.ToString(CultureInfo.InvariantCulture),
                    MachineName = Name(machine),
                    SiteCode = (machine % 3) switch { 0 => "LAB", 1 => "NYC", _ => "SFO" },
                    // A stride coprime to the 90 days' seconds: every load stage covers the whole 90 days evenly.
                    Time = Start.AddSeconds(i * 7_919L % (90 * 86_400)),
                    ReceivedAt = Start,
                    MessageId = fails ? 10003 : 10002 + (i % 3 * 3),
                    Severity = fails ? Severity.Error : Severity.Informational,
                    Win32Error = fails ? 1317 : 0,
                    Win32Code = fails ? 1317 : 0,
                    AdvertisementId = "LAB20001",
                    InsertionStrings = ["LAB20001", "LAB", "", "Office 2000", "Setup"],
                };
            }).ToList();
            await db.Rows.InsertAsync(rows, CancellationToken.None);
            await db.Rows.InsertAsync([.. rows.Where(m => m.Win32Code == 1317).Select(m => new FindingEvidence
            {
                FindingId = findingOf[m.MachineName],
                Source = EvidenceSource.StatusMessage,
                SourceId = m.Id,
                Time = m.Time,
                Counts = true,
                Machine = m.MachineName,
                Description = "10003 error 1317 LAB20001",
            })], CancellationToken.None);
            // What the finding recorder counts when it links a failure as evidence.
            await FailureHours.AddAsync(db, rows.Where(m => m.Win32Code == 1317).Select(m => m.Time), CancellationToken.None);
            await transaction.CommitAsync();
        }

        return to;
    }
}
