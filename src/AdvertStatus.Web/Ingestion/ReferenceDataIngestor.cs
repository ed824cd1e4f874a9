using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.Domains;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Upserts advertisements (from site servers) and domains (from DCs). Both are descriptions, not
/// events: the last one sent wins, and an item identical to what is stored counts as a duplicate.
/// </summary>
internal sealed class ReferenceDataIngestor(IngestionWriter writer, RuleEngine rules, FindingFeed feed)
{
    public async Task<IngestionResult> IngestAdvertisementsAsync(IReadOnlyList<Advertisement> advertisements, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        var (result, findings) = await writer.WriteAsync(async (db, ct) =>
        {
            var latest = advertisements.GroupBy(a => a.AdvertisementId).Select(g => g.Last()).ToList();
            var ids = latest.Select(a => a.AdvertisementId).ToList();
            var stored = await db.Advertisements.Where(a => ids.Contains(a.AdvertisementId)).ToDictionaryAsync(a => a.AdvertisementId, ct);

            var changed = new List<Advertisement>();
            foreach (var incoming in latest)
            {
                if (!stored.TryGetValue(incoming.AdvertisementId, out var current))
                {
                    changed.Add(db.Advertisements.Add(incoming).Entity);
                }
                else if (!SameAdvertisement(current, incoming))
                {
                    SiteForbiddenException.ThrowIfOutside(sites, current.SiteCode, $"Advertisement {current.AdvertisementId}");
                    db.Entry(current).CurrentValues.SetValues(incoming);
                    changed.Add(current);
                }
            }

            await db.SaveChangesAsync(ct);
            var findings = await rules.OnAdvertisementsChangedAsync(db, changed, ct);
            return (new IngestionResult(changed.Count, advertisements.Count - changed.Count), findings.Select(f => f.Id).ToArray());
        }, cancellationToken);
        if (findings.Length > 0)
        {
            feed.Nudge(); // this instance's own clients hear of it now, the others at their next poll
        }

        return result;
    }

    public Task<IngestionResult> IngestDomainsAsync(IReadOnlyList<DirectoryDomain> domains, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (db, ct) =>
        {
            var latest = domains.GroupBy(d => d.Name).Select(g => g.Last()).ToList();
            var names = latest.Select(d => d.Name).ToList();
            var stored = await db.Domains.Where(d => names.Contains(d.Name)).ToDictionaryAsync(d => d.Name, ct);

            var changed = 0;
            foreach (var incoming in latest)
            {
                if (!stored.TryGetValue(incoming.Name, out var current))
                {
                    db.Domains.Add(incoming);
                    changed++;
                }
                else if (!SameDomain(current, incoming))
                {
                    db.Entry(current).CurrentValues.SetValues(incoming);
                    current.DomainControllers = incoming.DomainControllers;
                    changed++;
                }
            }

            await db.SaveChangesAsync(ct);
            return new IngestionResult(changed, domains.Count - changed);
        }, cancellationToken);

    private static bool SameAdvertisement(Advertisement a, Advertisement b) =>
        a.SiteCode == b.SiteCode && a.PackageId == b.PackageId && a.PackageName == b.PackageName
        && a.ProgramName == b.ProgramName && a.CollectionId == b.CollectionId
        && a.UsesSoftwareInstallationAccount == b.UsesSoftwareInstallationAccount
        && a.SoftwareInstallationAccount == b.SoftwareInstallationAccount;

    private static bool SameDomain(DirectoryDomain a, DirectoryDomain b) =>
        a.Mode == b.Mode && a.LockoutThreshold == b.LockoutThreshold
        && a.LockoutObservationMinutes == b.LockoutObservationMinutes
        && a.LockoutDurationMinutes == b.LockoutDurationMinutes
        && a.DomainControllers.Order().SequenceEqual(b.DomainControllers.Order());
}
