using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Sources;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Stores inventory snapshots (all kept, for the timeline) and moves each machine's current picture
/// and hotfix verdict to its latest snapshot; a site server's snapshot also tells the site's client
/// component source version.
/// </summary>
internal sealed class InventoryIngestor(
    IngestionWriter writer, FixedBuildSet fixedBuilds, RuleEngine rules, FindingFeed feed, ILogger<InventoryIngestor> logger)
{
    private const string Smsapm32File = "Smsapm32.exe";
    private const string Smsapm32Component = "Smsapm32";

    public async Task<IngestionResult> IngestAsync(IReadOnlyList<InventoryReport> reports, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        foreach (var report in reports)
        {
            report.Fingerprint = report.ComputeFingerprint();
        }

        var (result, findings) = await writer.WriteAsync((db, ct) => IngestOnceAsync(db, reports, sites, ct), cancellationToken);
        if (findings.Length > 0)
        {
            feed.Nudge(); // this instance's own clients hear of it now, the others at their next poll
        }

        return result;
    }

    private async Task<(IngestionResult, long[])> IngestOnceAsync(
        AdvertStatusDbContext db, IReadOnlyList<InventoryReport> reports, IReadOnlySet<string>? allowedSites, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, DateTime), string?>();
        foreach (var chunk in reports.Chunk(MachineDirectory.ChunkSize))
        {
            var names = chunk.Select(r => r.MachineName).Distinct().ToList();
            var found = await db.InventoryReports
                .Where(r => names.Contains(r.MachineName))
                .Select(r => new { r.MachineName, r.Time, r.Fingerprint })
                .ToListAsync(cancellationToken);
            foreach (var row in found)
            {
                stored[(row.MachineName, row.Time)] = row.Fingerprint;
            }
        }

        var split = IdempotencySplit<InventoryReport>.Of(reports, r => (r.MachineName, r.Time), r => r.Fingerprint, stored);
        var fresh = split.Fresh.OrderBy(r => r.Time).ToList();
        foreach (var report in fresh)
        {
            report.Id = 0;
        }

        db.InventoryReports.AddRange(fresh);
        if (reports.Count > 0) // an empty batch has no item to date it by
        {
            await SourceRecorder.RecordAsync(db, DataSourceKind.Site, reports.Select(r => r.SiteCode), reports[0].ReceivedAt, cancellationToken);
        }
        var machines = await MachineDirectory.LoadOrCreateAsync(db, fresh.Select(r => r.MachineName), allowedSites, cancellationToken);
        var sites = await MachineDirectory.TouchSitesAsync(db, fresh.Select(r => (r.SiteCode, r.Time)), cancellationToken);
        var becameFixed = new HashSet<string>();
        foreach (var report in fresh)
        {
            var machine = machines[report.MachineName];
            machine.Saw(report.Time);
            if (machine.InventoryTime is { } current && current > report.Time)
            {
                continue; // an older snapshot arriving late joins the history but does not win
            }

            var before = machine.Verdict;
            machine.InventoryTime = report.Time;
            machine.SiteCode = report.SiteCode;
            machine.Domain = report.Domain ?? machine.Domain;
            machine.ClientOs = report.ClientOs ?? machine.ClientOs;
            machine.Platform = report.Platform ?? machine.Platform;
            machine.Role = report.Role;
            machine.Smsapm32Version = Smsapm32VersionOf(report) ?? machine.Smsapm32Version;
            machine.Verdict = fixedBuilds.VerdictFor(machine.Smsapm32Version);
            if (machine.Verdict == Verdict.Fixed && before != Verdict.Fixed)
            {
                becameFixed.Add(machine.MachineName);
            }

            if (report.Role == MachineRole.SiteServer && SourceVersionOf(report) is { } source)
            {
                sites[report.SiteCode].Smsapm32SourceVersion = source;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var findings = await rules.OnMachinesFixedAsync(db, [.. becameFixed], cancellationToken);
        ConflictLog.Warn(logger, "inventory reports", split.Conflicts, r => $"{r.MachineName}/{r.Time:O}");
        return (new IngestionResult(fresh.Count, split.Duplicates, split.Conflicts.Count), [.. findings.Select(f => f.Id)]);
    }

    private static string? Smsapm32VersionOf(InventoryReport report) =>
        report.Files.FirstOrDefault(f => f.Name.Equals(Smsapm32File, StringComparison.OrdinalIgnoreCase))?.Version
        ?? report.Components.FirstOrDefault(c => c.Name.Equals(Smsapm32Component, StringComparison.OrdinalIgnoreCase))?.Version;

    /// <summary>The client component source version: Compver.ini of Clicomp.src\smsapm32, else the file in it.</summary>
    private static string? SourceVersionOf(InventoryReport report) =>
        report.Components.FirstOrDefault(c => c.Name.Equals(Smsapm32Component, StringComparison.OrdinalIgnoreCase))?.Version
        ?? report.Files.FirstOrDefault(f => f.Name.Equals(Smsapm32File, StringComparison.OrdinalIgnoreCase)
            && f.Path?.Contains("clicomp", StringComparison.OrdinalIgnoreCase) == true)?.Version;
}
