using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Sources;

/// <summary>Sites and DCs with the time of their last data, silent ones first.</summary>
public sealed class SourceQueries(IDbContextFactory<AdvertStatusDbContext> contexts, IOptions<SourcesOptions> options, TimeProvider clock)
{
    /// <param name="kind">Only sites or only DCs (null: both).</param>
    /// <param name="silentOnly">Only the silent ones.</param>
    /// <param name="sites">The caller's site limit: its sites only, and no DCs (DC data is not site data).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<SourceList> ListAsync(DataSourceKind? kind, bool silentOnly, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var silentAfter = options.Value.SilentAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DataSources.AsNoTracking();
        if (kind is { } only)
        {
            query = query.Where(s => s.Kind == only);
        }

        if (sites is not null)
        {
            var allowed = sites.ToList();
            query = query.Where(s => s.Kind == DataSourceKind.Site && allowed.Contains(s.Name));
        }

        // "New" is judged against the installation's first data, not the caller's sites.
        var firstEver = await db.DataSources.MinAsync(s => (DateTime?)s.FirstReceivedAt, cancellationToken);
        var items = (await query.ToListAsync(cancellationToken))
            .Select(s => new SourceItem(s.Kind, s.Name, s.FirstReceivedAt, s.LastReceivedAt, s.ItemsReceived, s.ItemsStored, s.Duplicates, s.Conflicts, s.IsSilent(now, silentAfter),
                IsNew(s, firstEver, now)))
            .Where(s => !silentOnly || s.Silent)
            .OrderByDescending(s => s.Silent).ThenBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return new SourceList(items, silentAfter, items.Count == 0 ? null : items.Max(s => s.LastReceivedAt));
    }

    /// <summary>A site heard from lately, a day or more after the first data: not one of those every installation starts with.</summary>
    private bool IsNew(DataSource source, DateTime? firstEver, DateTime now) =>
        source.Kind == DataSourceKind.Site
        && now - source.FirstReceivedAt <= options.Value.NewSiteFor
        && firstEver is { } first && source.FirstReceivedAt - first >= TimeSpan.FromDays(1);
}
