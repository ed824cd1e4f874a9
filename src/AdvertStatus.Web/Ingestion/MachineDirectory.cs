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
    /// <summary>The named machines, tracked, created where new.</summary>
    public static async Task<Dictionary<string, Machine>> LoadOrCreateAsync(AdvertStatusDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var machines = await LoadAsync(db.Machines, names, cancellationToken);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Where(n => !machines.ContainsKey(n)))
        {
            machines[name] = db.Machines.Add(new Machine { MachineName = name }).Entity;
        }

        return machines;
    }

    /// <summary>
    /// Refuses (<see cref="SiteForbiddenException"/>) a caller limited to <paramref name="sites"/> that names a machine
    /// homed at another site, stored or still waiting for the projector: its data would re-home the machine.
    /// </summary>
    public static async Task EnsureMayTouchAsync(AdvertStatusDbContext db, IEnumerable<string> names, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        if (sites is null)
        {
            return;
        }

        var allowed = sites.ToList();
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(InList.ChunkSize))
        {
            var elsewhere = await db.Machines.Where(m => chunk.Contains(m.MachineName) && m.SiteCode != null && !allowed.Contains(m.SiteCode))
                    .Select(m => m.MachineName).FirstOrDefaultAsync(cancellationToken)
                ?? await db.StatusMessages.Where(m => chunk.Contains(m.MachineName) && !allowed.Contains(m.SiteCode)
                        && db.Set<IngestionBatch>().Any(b => b.Id == m.BatchId && b.ProjectedAt == null))
                    .Select(m => m.MachineName).FirstOrDefaultAsync(cancellationToken)
                ?? await db.InventoryReports.Where(r => chunk.Contains(r.MachineName) && !allowed.Contains(r.SiteCode)
                        && db.Set<IngestionBatch>().Any(b => b.Id == r.BatchId && b.ProjectedAt == null))
                    .Select(r => r.MachineName).FirstOrDefaultAsync(cancellationToken);
            if (elsewhere is not null)
            {
                throw new SiteForbiddenException($"Machine {elsewhere}");
            }
        }
    }

    /// <summary>
    /// Records status-message sightings: last seen moves forward, and until the machine's first
    /// inventory arrives the newest message tells its site, domain and OS.
    /// </summary>
    /// <remarks>
    /// The hot path of the projection: the rows are read untracked and written by the row writer with only the
    /// columns a sighting sets, so the verdict and inventory the inventory projection owns stay as they are.
    /// </remarks>
    public static async Task RecordSightingsAsync(AdvertStatusDbContext db, IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken)
    {
        if (sightings.Count == 0)
        {
            return;
        }

        // Only the columns a sighting reads or writes: the upsert sets only those of a stored machine.
        var machines = await LoadAsync(db.Machines.AsNoTracking().Select(m => new Machine
        {
            MachineName = m.MachineName, SiteCode = m.SiteCode, Domain = m.Domain, ClientOs = m.ClientOs, InventoryTime = m.InventoryTime,
            FirstSeen = m.FirstSeen, LastSeen = m.LastSeen,
        }), sightings.Select(s => s.MachineName), cancellationToken);
        foreach (var name in sightings.Select(s => s.MachineName).Distinct(StringComparer.Ordinal).Where(n => !machines.ContainsKey(n)))
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

        await db.Rows.UpsertAsync([.. machines.Values], SightingColumns, cancellationToken);
        await TouchSitesAsync(db, sightings.Select(s => (s.SiteCode, s.Time)), cancellationToken);
    }

    /// <summary>What a sighting may change on a machine row.</summary>
    private static readonly string[] SightingColumns =
        [nameof(Machine.FirstSeen), nameof(Machine.LastSeen), nameof(Machine.SiteCode), nameof(Machine.Domain), nameof(Machine.ClientOs)];

    /// <summary>The stored machines among <paramref name="names"/>.</summary>
    private static async Task<Dictionary<string, Machine>> LoadAsync(IQueryable<Machine> machines, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, Machine>(StringComparer.Ordinal);
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(InList.ChunkSize))
        {
            foreach (var machine in await machines.Where(m => chunk.Contains(m.MachineName)).ToListAsync(cancellationToken))
            {
                stored[machine.MachineName] = machine;
            }
        }

        return stored;
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
