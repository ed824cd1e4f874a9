using System.Runtime.CompilerServices;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Workstations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Reports;

/// <summary>
/// Writes the CSV reports: RFC 4180, UTF-8, a header row, cells that a spreadsheet would run as a
/// formula escaped. Rows stream from the database to the output as they are read, so memory stays
/// flat however many rows there are.
/// </summary>
public sealed class CsvReports(IDbContextFactory<AdvertStatusDbContext> contexts, CoverageQueries coverage)
{
    /// <summary>The options of every report (internal for the CSV micro-benchmark).</summary>
    internal static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,   // = + - @ tab CR at the start of a text cell get a leading '
        NewLine = "\r\n",
    };

    public async Task WriteAsync(ReportRequest request, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        switch (request.Report)
        {
            case ReportName.AffectedWorkstations:
                await csv.WriteRecordsAsync(AffectedWorkstations(db, request.Workstations ?? new WorkstationFilter(AffectedOnly: true), cancellationToken), cancellationToken);
                break;
            case ReportName.Findings:
                await csv.WriteRecordsAsync(FindingRows(db, request.Findings ?? new FindingFilter(), cancellationToken), cancellationToken);
                break;
            case ReportName.Lockouts:
                await csv.WriteRecordsAsync(LockoutRows(db, request.Account, request.Domain, request.Sites, cancellationToken), cancellationToken);
                break;
            case ReportName.AdvertisementStatus:
                await csv.WriteRecordsAsync(AdvertisementQueries.Filter(db, request.Site, request.Sites).Select(a => new AdvertisementStatusRow
                {
                    AdvertisementId = a.AdvertisementId,
                    PackageName = a.PackageName,
                    ProgramName = a.ProgramName,
                    Received = a.Received,
                    Failures = a.Failures,
                    ProgramsStarted = a.ProgramsStarted,
                    ProgramErrors = a.ProgramErrors,
                    ProgramSuccess = a.ProgramSuccess,
                    ReceivedMessages = a.Messages.Received,
                    FailureMessages = a.Messages.Failures,
                    ProgramsStartedMessages = a.Messages.ProgramsStarted,
                    ProgramErrorMessages = a.Messages.ProgramErrors,
                    ProgramSuccessMessages = a.Messages.ProgramSuccess,
                }).AsAsyncEnumerable(), cancellationToken);
                break;
            case ReportName.HotfixCoverage:
                var report = await coverage.GetAsync(HotfixCatalog.Q307434, request.Site, cancellationToken, request.Sites);
                await csv.WriteRecordsAsync(report.Sites.Select(r => new HotfixCoverageRow
                {
                    SiteCode = r.SiteCode,
                    Platform = r.Platform,
                    Fixed = r.Fixed,
                    Vulnerable = r.Vulnerable,
                    Unknown = r.Unknown,
                    PercentFixed = r.PercentFixed,
                }), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Report {request.Report} has no writer.");
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>Machines per export chunk: memory holds one chunk, and each chunk costs two queries, not one per row.</summary>
    private const int ChunkSize = 500;

    /// <summary>
    /// Streams in keyset chunks of machines. The per-machine error and lockout columns are scalar
    /// subqueries of the chunk's statement; the rule and advertisement lists come from one findings
    /// query per chunk (SQLite cannot aggregate distinct strings per row in one statement).
    /// </summary>
    private static async IAsyncEnumerable<AffectedWorkstationRow> AffectedWorkstations(
        AdvertStatusDbContext db, WorkstationFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = ClientTokenAccount.Key;
        string? after = null;
        while (true)
        {
            var query = WorkstationQueries.Filter(db, filter);
            if (after is not null)
            {
                query = query.Where(m => m.MachineName.CompareTo(after) > 0);
            }

            var chunk = await query.Take(ChunkSize)
                .Select(m => new
                {
                    m.MachineName,
                    m.SiteCode,
                    m.Domain,
                    m.ClientOs,
                    m.Smsapm32Version,
                    m.Verdict,
                    LastWin32Error = db.StatusMessages.Where(s => s.MachineName == m.MachineName && s.Win32Code != null && s.Win32Code != 0)
                        .OrderByDescending(s => s.Time).Select(s => s.Win32Code).FirstOrDefault(),
                    LockoutCount = db.SecurityEvents.Count(e => e.SourceMachine == m.MachineName && e.Kind == SecurityEventKind.Lockout && e.AccountKey == token),
                    LastLockout = db.SecurityEvents.Where(e => e.SourceMachine == m.MachineName && e.Kind == SecurityEventKind.Lockout && e.AccountKey == token)
                        .Max(e => (DateTime?)e.TimeCreated),
                })
                .ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                yield break;
            }

            var names = chunk.Select(m => m.MachineName).ToList();
            var findings = (await db.Findings.AsNoTracking()
                    .Where(f => f.MachineName != null && names.Contains(f.MachineName) && f.State != FindingState.Resolved)
                    .Select(f => new { f.MachineName, f.Rule, f.AdvertisementId })
                    .ToListAsync(cancellationToken))
                .ToLookup(f => f.MachineName!);

            foreach (var m in chunk)
            {
                yield return new AffectedWorkstationRow
                {
                    MachineName = m.MachineName,
                    SiteCode = m.SiteCode,
                    Domain = m.Domain,
                    ClientOs = m.ClientOs,
                    Rules = string.Join(";", findings[m.MachineName].Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal)),
                    AdvertisementIds = string.Join(";", findings[m.MachineName].Select(f => f.AdvertisementId).OfType<string>().Distinct().Order(StringComparer.Ordinal)),
                    LastWin32Error = m.LastWin32Error,
                    LockoutCount = m.LockoutCount,
                    LastLockout = m.LastLockout,
                    Smsapm32Version = m.Smsapm32Version,
                    Verdict = m.Verdict.ToString(),
                };
            }

            after = chunk[^1].MachineName;
        }
    }

    /// <summary>
    /// Streams in keyset chunks, newest first, reading only the report's columns (SQLite stores times as
    /// text, and each one read is parsed). Only a Q307434 summary names the machine's build, so only those
    /// machines are looked up, once per chunk; the evidence of a chunk's lockout-based findings (callers,
    /// DCs, advertisements) takes two queries per chunk, and none when it has no such finding.
    /// </summary>
    private static async IAsyncEnumerable<FindingRow> FindingRows(
        AdvertStatusDbContext db, FindingFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? before = null;
        while (true)
        {
            var query = FindingQueries.Filter(db, filter);
            if (before is { } last)
            {
                query = query.Where(f => f.Id < last);
            }

            var chunk = await query.Take(ChunkSize)
                .Select(f => new Finding
                {
                    Id = f.Id,
                    Rule = f.Rule,
                    Key = f.Key,
                    State = f.State,
                    MachineName = f.MachineName,
                    AdvertisementId = f.AdvertisementId,
                    Domain = f.Domain,
                    Account = f.Account,
                    Count = f.Count,
                    FirstSeen = f.FirstSeen,
                    LastSeen = f.LastSeen,
                    AcknowledgedBy = f.AcknowledgedBy,
                    AcknowledgedAt = f.AcknowledgedAt,
                    ResolvedBy = f.ResolvedBy,
                    ResolvedAt = f.ResolvedAt,
                })
                .ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                yield break;
            }

            var diagnosed = chunk.Where(f => f.Rule == RuleNames.Q307434 && f.MachineName is not null).Select(f => f.MachineName!).Distinct().ToList();
            var builds = diagnosed.Count == 0 ? [] : await db.Machines.AsNoTracking()
                .Where(m => diagnosed.Contains(m.MachineName))
                .Select(m => new { m.MachineName, m.Verdict, m.Smsapm32Version })
                .ToDictionaryAsync(m => m.MachineName, cancellationToken);
            var context = await FindingContext.LoadAsync(db, chunk, cancellationToken);
            foreach (var finding in chunk)
            {
                var machine = finding.MachineName is { } name ? builds.GetValueOrDefault(name) : null;
                yield return new FindingRow
                {
                    Id = finding.Id,
                    Rule = finding.Rule,
                    State = finding.State.ToString(),
                    MachineName = finding.MachineName,
                    AdvertisementId = finding.AdvertisementId,
                    Domain = finding.Domain,
                    Account = finding.Account,
                    Count = finding.Count,
                    FirstSeen = finding.FirstSeen,
                    LastSeen = finding.LastSeen,
                    Summary = FindingSummaries.Describe(finding, machine?.Verdict, machine?.Smsapm32Version),
                    AcknowledgedBy = finding.AcknowledgedBy,
                    AcknowledgedAt = finding.AcknowledgedAt,
                    ResolvedBy = finding.ResolvedBy,
                    ResolvedAt = finding.ResolvedAt,
                    CallerComputers = string.Join("; ", context.CallersOf(finding).Select(c => $"{c.Name} ({c.Count})")),
                    DomainControllers = string.Join("; ", context.ControllersOf(finding)),
                    AdvertisementIds = string.Join("; ", context.AdvertisementsOf(finding)),
                };
            }

            if (chunk.Count < ChunkSize)
            {
                yield break;
            }

            before = chunk[^1].Id;
        }
    }

    private static IAsyncEnumerable<LockoutRow> LockoutRows(
        AdvertStatusDbContext db, string? account, string? domain, IReadOnlySet<string>? sites, CancellationToken cancellationToken) =>
        (sites is null ? LockoutQueries.Filter(db, account, domain).AsAsyncEnumerable() : LockoutQueries.ForSitesAsync(db, sites, account, domain, cancellationToken))
            .Select(LockoutQueries.ToItem)
            .Select(l => new LockoutRow
            {
                Domain = l.Domain,
                Account = l.Account,
                Count = l.Count,
                CallerComputers = string.Join("; ", l.CallerComputers.Select(c => $"{c.Name} ({c.Count})")),
                DomainControllers = string.Join("; ", l.DomainControllers),
                FirstLockout = l.FirstLockout,
                LastLockout = l.LastLockout,
            });
}
