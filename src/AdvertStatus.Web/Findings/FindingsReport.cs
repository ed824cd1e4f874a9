using System.Runtime.CompilerServices;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary><c>findings.csv</c>: the findings list with its filters (<c>rule</c>, <c>state</c>, <c>machine</c>, <c>site</c>, <c>acknowledgedBy</c>, <c>from</c>, <c>to</c>).</summary>
public sealed class FindingsReport(IDbContextFactory<AdvertStatusDbContext> contexts) : ICsvReport
{
    public string Name => "findings";

    public CsvExport Prepare(QueryParameters query, IQueryCollection values, IReadOnlySet<string>? sites)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Export(FindingsEndpoints.ReadFilter(query, sites, values["rule"], values["state"], values["machine"], values["site"],
            values["acknowledgedBy"], values["from"], values["to"]));
    }

    /// <summary>The findings <paramref name="filter"/> selects (its own site limit included), newest first.</summary>
    public CsvExport Export(FindingFilter filter) => new(Name, async (output, cancellationToken) =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvReport.Open(output);
        await csv.WriteRecordsAsync(RowsAsync(db, filter, cancellationToken), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    });

    /// <summary>
    /// Streams in keyset chunks, newest first, reading only the report's columns (SQLite stores times as
    /// text, and each one read is parsed). Only a Q307434 summary names the machine's build, so only those
    /// machines are looked up, once per chunk; the evidence of a chunk's lockout-based findings (callers,
    /// DCs, advertisements) takes two queries per chunk, and none when it has no such finding.
    /// </summary>
    private static async IAsyncEnumerable<FindingRow> RowsAsync(
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

            var chunk = await query.Take(CsvReport.ChunkSize)
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

            if (chunk.Count < CsvReport.ChunkSize)
            {
                yield break;
            }

            before = chunk[^1].Id;
        }
    }
}
