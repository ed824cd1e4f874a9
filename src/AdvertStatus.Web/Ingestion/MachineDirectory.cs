using AdvertStatus.Core.Machines;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Keeps the <see cref="Machine"/> and <see cref="Site"/> rows current as data arrives. Runs inside the
/// ingesting context, so the rows commit together with the batch.
/// </summary>
internal static class MachineDirectory
{
    /// <summary>Size of each IN-list; SQL Server allows 2,100 parameters per command.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// The named machines, created where new. A caller limited to <paramref name="sites"/> may not touch a
    /// machine stored at another site: that would re-home it (<see cref="SiteForbiddenException"/>).
    /// </summary>
    public static async Task<Dictionary<string, Machine>> LoadOrCreateAsync(
        AdvertStatusDbContext db, IEnumerable<string> names, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        var (machines, missing) = await LoadAsync(db.Machines, names, sites, cancellationToken);
        foreach (var name in missing)
        {
            machines[name] = db.Machines.Add(new Machine { MachineName = name }).Entity;
        }

        return machines;
    }

    /// <summary>
    /// Records status-message sightings: last seen moves forward, and until the machine's first
    /// inventory arrives the newest message tells its site, domain and OS.
    /// </summary>
    /// <remarks>
    /// The hot path of ingestion: the rows are read untracked and written with one prepared upsert of
    /// only the columns a sighting sets, so the verdict and inventory that another writer owns stay as they are.
    /// </remarks>
    public static async Task RecordSightingsAsync(
        AdvertStatusDbContext db, IReadOnlyCollection<Sighting> sightings, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        if (sightings.Count == 0)
        {
            return;
        }

        var (machines, missing) = await LoadAsync(db.Machines.AsNoTracking(), sightings.Select(s => s.MachineName), sites, cancellationToken);
        foreach (var name in missing)
        {
            machines[name] = new Machine { MachineName = name };
        }

        foreach (var sighting in sightings.OrderBy(s => s.Time))
        {
            var machine = machines[sighting.MachineName];
            var newest = sighting.Time >= machine.LastSeen;
            machine.Saw(sighting.Time);
            if (machine.InventoryTime is null && newest)
            {
                machine.SiteCode = sighting.SiteCode;
                machine.Domain = sighting.Domain ?? machine.Domain;
                machine.ClientOs = sighting.ClientOs ?? machine.ClientOs;
            }
        }

        await RowInserter.UpsertAsync(db, [.. machines.Values], SightingColumns, cancellationToken);
        await TouchSitesAsync(db, sightings.Select(s => (s.SiteCode, s.Time)), cancellationToken);
    }

    /// <summary>What a sighting may change on a machine row.</summary>
    private static readonly string[] SightingColumns =
        [nameof(Machine.FirstSeen), nameof(Machine.LastSeen), nameof(Machine.SiteCode), nameof(Machine.Domain), nameof(Machine.ClientOs)];

    /// <summary>
    /// The stored machines among <paramref name="names"/>, and the names not stored yet. A caller limited to
    /// <paramref name="sites"/> may not touch a machine stored at another site: that would re-home it
    /// (<see cref="SiteForbiddenException"/>).
    /// </summary>
    private static async Task<(Dictionary<string, Machine> Stored, List<string> Missing)> LoadAsync(
        IQueryable<Machine> machines, IEnumerable<string> names, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        var wanted = names.Distinct(StringComparer.Ordinal).ToList();
        var stored = new Dictionary<string, Machine>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(ChunkSize))
        {
            foreach (var machine in await machines.Where(m => chunk.Contains(m.MachineName)).ToListAsync(cancellationToken))
            {
                SiteForbiddenException.ThrowIfOutside(sites, machine.SiteCode, $"Machine {machine.MachineName}");
                stored[machine.MachineName] = machine;
            }
        }

        return (stored, [.. wanted.Where(n => !stored.ContainsKey(n))]);
    }

    public static async Task<Dictionary<string, Site>> TouchSitesAsync(AdvertStatusDbContext db, IEnumerable<(string SiteCode, DateTime Time)> seen, CancellationToken cancellationToken)
    {
        var byCode = seen.GroupBy(s => s.SiteCode).ToDictionary(g => g.Key, g => (First: g.Min(s => s.Time), Last: g.Max(s => s.Time)));
        var codes = byCode.Keys.ToList();
        var sites = await db.Sites.Where(s => codes.Contains(s.SiteCode)).ToDictionaryAsync(s => s.SiteCode, cancellationToken);
        foreach (var (code, times) in byCode)
        {
            if (!sites.TryGetValue(code, out var site))
            {
                site = db.Sites.Add(new Site { SiteCode = code, FirstSeen = times.First, LastSeen = times.Last }).Entity;
                sites[code] = site;
            }

            site.FirstSeen = times.First < site.FirstSeen ? times.First : site.FirstSeen;
            site.LastSeen = times.Last > site.LastSeen ? times.Last : site.LastSeen;
        }

        return sites;
    }
}
