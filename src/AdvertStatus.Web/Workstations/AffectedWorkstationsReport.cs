using System.Runtime.CompilerServices;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Workstations;

/// <summary>
/// <c>affected-workstations.csv</c>: the workstation list with its filters (<c>site</c>, <c>domain</c>, <c>affected</c>,
/// <c>verdict</c>, <c>rule</c>, <c>q</c>); affected machines only unless <c>affected=false</c>.
/// </summary>
public sealed class AffectedWorkstationsReport(IDbContextFactory<AdvertStatusDbContext> contexts) : ICsvReport
{
    public string Name => "affected-workstations";

    public CsvExport Prepare(QueryParameters query, IQueryCollection values, IReadOnlySet<string>? sites)
    {
        ArgumentNullException.ThrowIfNull(values);
        var affected = values["affected"].Count == 0 ? "true" : values["affected"].ToString();
        return Export(WorkstationsEndpoints.ReadFilter(query, sites, values["site"], values["domain"], affected, values["verdict"], values["rule"], values["q"]));
    }

    /// <summary>The machines <paramref name="filter"/> selects (its own site limit included), by name.</summary>
    public CsvExport Export(WorkstationFilter filter) => new(Name, async (output, cancellationToken) =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvReport.Open(output);
        await csv.WriteRecordsAsync(RowsAsync(db, filter, cancellationToken), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    });

    /// <summary>
    /// Streams in keyset chunks of machines. The per-machine error and lockout columns are scalar
    /// subqueries of the chunk's statement; the rule and advertisement lists come from one findings
    /// query per chunk (SQLite cannot aggregate distinct strings per row in one statement).
    /// </summary>
    private static async IAsyncEnumerable<AffectedWorkstationRow> RowsAsync(
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

            var chunk = await query.Take(CsvReport.ChunkSize)
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
}
