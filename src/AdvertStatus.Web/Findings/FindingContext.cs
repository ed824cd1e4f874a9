using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// What a page of findings shows beyond its own columns, read from their evidence in two queries: the
/// caller computers and DCs of lockout-based findings (repeated lockouts, Q307434), and the
/// advertisements a Q307434 finding's failures were about. Shared by the API, the dashboard and the CSV.
/// </summary>
internal sealed class FindingContext
{
    private readonly ILookup<long, CallerComputerCount> _callers;
    private readonly ILookup<long, string> _controllers;
    private readonly ILookup<long, string> _advertisements;

    private FindingContext(ILookup<long, CallerComputerCount> callers, ILookup<long, string> controllers, ILookup<long, string> advertisements)
    {
        _callers = callers;
        _controllers = controllers;
        _advertisements = advertisements;
    }

    /// <param name="findings">At most a page (the ids go into one statement).</param>
    public static async Task<FindingContext> LoadAsync(AdvertStatusDbContext db, IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken)
    {
        var withEvents = findings.Where(f => f.Rule is RuleNames.RepeatedLockout or RuleNames.Q307434).Select(f => f.Id).ToList();
        var sources = withEvents.Count == 0 ? [] : await db.FindingEvidence.AsNoTracking()
            .Where(e => withEvents.Contains(e.FindingId) && e.Source == EvidenceSource.SecurityEvent)
            .GroupBy(e => new { e.FindingId, e.Machine, e.Reporter })
            .Select(g => new { g.Key.FindingId, g.Key.Machine, g.Key.Reporter, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var callers = sources.GroupBy(s => (s.FindingId, Name: s.Machine ?? "(unknown)"))
            .Select(g => (g.Key.FindingId, Caller: new CallerComputerCount(g.Key.Name, g.Sum(s => s.Count))))
            .ToLookup(c => c.FindingId, c => c.Caller);
        var controllers = sources.Where(s => s.Reporter is not null).ToLookup(s => s.FindingId, s => s.Reporter!);

        var diagnoses = findings.Where(f => f.Rule == RuleNames.Q307434).Select(f => f.Id).ToList();
        var advertisements = diagnoses.Count == 0 ? [] : await db.FindingEvidence.AsNoTracking()
            .Where(e => diagnoses.Contains(e.FindingId) && e.Source == EvidenceSource.StatusMessage && e.AdvertisementId != null)
            .Select(e => new { e.FindingId, AdvertisementId = e.AdvertisementId! })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new FindingContext(callers, controllers, advertisements.ToLookup(a => a.FindingId, a => a.AdvertisementId));
    }

    /// <summary>Caller computers with how many of the finding's events each caused, most first.</summary>
    public IReadOnlyList<CallerComputerCount> CallersOf(Finding finding) =>
        [.. _callers[finding.Id].OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];

    public IReadOnlyList<string> ControllersOf(Finding finding) => [.. _controllers[finding.Id].Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The finding's own advertisement, or for a Q307434 diagnosis those of the failures behind it.</summary>
    public IReadOnlyList<string> AdvertisementsOf(Finding finding) =>
        finding.AdvertisementId is { } own ? [own] : [.. _advertisements[finding.Id].Distinct().Order(StringComparer.Ordinal)];
}
