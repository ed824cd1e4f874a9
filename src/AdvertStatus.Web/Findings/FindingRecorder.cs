using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// Stores what the rules observed: one finding per rule and key, and each message or event linked to it
/// once. Evidence already linked is skipped, which makes recording idempotent, so rules may look at
/// overlapping windows and re-sent data without counting anything twice.
/// </summary>
internal sealed class FindingRecorder(TimeProvider clock)
{
    /// <summary>Records the observations inside the caller's transaction; returns the findings that changed.</summary>
    public async Task<IReadOnlyCollection<Finding>> RecordAsync(AdvertStatusDbContext db, IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var merged = observations
            .GroupBy(o => (o.Rule, o.Key))
            .Select(g => (Observation: g.First(), Evidence: g.SelectMany(o => o.Evidence).DistinctBy(e => (e.Source, e.SourceId)).ToList()))
            .ToList();

        var findings = await LoadOrOpenAsync(db, merged.Select(m => m.Observation).ToList(), now, cancellationToken);
        var linked = await LinkedEvidenceAsync(db, findings.Values.Where(f => f.Id != 0).Select(f => f.Id), merged.SelectMany(m => m.Evidence), cancellationToken);

        var changed = new List<(Finding Finding, List<EvidenceItem> Evidence)>();
        foreach (var (observation, evidence) in merged)
        {
            var finding = findings[(observation.Rule, observation.Key)];
            var fresh = evidence.Where(e => !linked.Contains((finding.Id, e.Source, e.SourceId))).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            finding.Record(fresh, now);
            finding.Domain ??= observation.Domain;
            changed.Add((finding, fresh));
        }

        // New findings need their ids before evidence can point at them: they are saved first, with every stored
        // finding that changed. The save numbers each in the change feed, and a stored finding's version guards an
        // operator's concurrent acknowledge (the conflict makes the writer run the cycle again).
        db.Findings.AddRange(findings.Values.Where(f => f.Id == 0));
        await db.SaveChangesAsync(cancellationToken);

        await db.Rows.InsertAsync([.. changed.SelectMany(c => c.Evidence.Select(e => FindingEvidence.For(c.Finding.Id, e)))], cancellationToken);
        // Each 1317 message becomes Error1317 evidence exactly once: the moment to count it for the hourly chart.
        await FailureHours.AddAsync(db,
            changed.Where(c => c.Finding.Rule == RuleNames.Error1317).SelectMany(c => c.Evidence).Where(e => e.Source == EvidenceSource.StatusMessage).Select(e => e.Time),
            cancellationToken);
        return [.. changed.Select(c => c.Finding)];
    }

    private static async Task<Dictionary<(string, string), Finding>> LoadOrOpenAsync(
        AdvertStatusDbContext db, List<Observation> observations, DateTime now, CancellationToken cancellationToken)
    {
        var findings = new Dictionary<(string, string), Finding>();
        foreach (var rule in observations.GroupBy(o => o.Rule))
        {
            foreach (var chunk in rule.Select(o => o.Key).Distinct().Chunk(InList.ChunkSize))
            {
                var ruleName = rule.Key;
                foreach (var finding in await db.Findings.Where(f => f.Rule == ruleName && chunk.Contains(f.Key)).ToListAsync(cancellationToken))
                {
                    findings[(finding.Rule, finding.Key)] = finding;
                }
            }
        }

        var machines = observations.Where(o => o.MachineName is not null).Select(o => o.MachineName!).Distinct().ToList();
        var sites = new Dictionary<string, string?>();
        foreach (var chunk in machines.Chunk(InList.ChunkSize))
        {
            foreach (var machine in await db.Machines.Where(m => chunk.Contains(m.MachineName)).Select(m => new { m.MachineName, m.SiteCode }).ToListAsync(cancellationToken))
            {
                sites[machine.MachineName] = machine.SiteCode;
            }
        }

        foreach (var observation in observations.Where(o => !findings.ContainsKey((o.Rule, o.Key))))
        {
            var finding = Finding.Open(observation, now);
            finding.SiteCode = observation.MachineName is { } name ? sites.GetValueOrDefault(name) : null;
            findings[(observation.Rule, observation.Key)] = finding;   // added and saved by RecordAsync
        }

        return findings;
    }

    private static async Task<HashSet<(long, EvidenceSource, long)>> LinkedEvidenceAsync(
        AdvertStatusDbContext db, IEnumerable<long> findingIds, IEnumerable<EvidenceItem> candidates, CancellationToken cancellationToken)
    {
        var linked = new HashSet<(long, EvidenceSource, long)>();
        var ids = findingIds.ToList();
        if (ids.Count == 0)
        {
            return linked;
        }

        foreach (var chunk in candidates.Select(c => c.SourceId).Distinct().Chunk(InList.ChunkSize))
        {
            foreach (var findingChunk in ids.Chunk(InList.ChunkSize))
            {
                var rows = await db.FindingEvidence
                    .Where(e => findingChunk.Contains(e.FindingId) && chunk.Contains(e.SourceId))
                    .Select(e => new { e.FindingId, e.Source, e.SourceId })
                    .ToListAsync(cancellationToken);
                linked.UnionWith(rows.Select(r => (r.FindingId, r.Source, r.SourceId)));
            }
        }

        return linked;
    }
}
