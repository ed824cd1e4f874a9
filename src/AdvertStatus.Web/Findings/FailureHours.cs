using AdvertStatus.Core.Time;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>Adds failures to their hours, inside the caller's transaction.</summary>
internal static class FailureHours
{
    /// <summary>
    /// Adds <paramref name="times"/> to the count of their hours. Only the projector calls it, in the transaction
    /// that marks its batches projected, so an hour is never counted twice and never raced for.
    /// </summary>
    public static async Task AddAsync(AdvertStatusDbContext db, IEnumerable<DateTime> times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = times.GroupBy(UtcHour.Of).ToDictionary(g => g.Key, g => g.Count());
        if (added.Count == 0)
        {
            return;
        }

        var hours = added.Keys.ToList();
        var stored = await db.FailureHours.Where(h => hours.Contains(h.Hour)).ToDictionaryAsync(h => h.Hour, cancellationToken);
        foreach (var (hour, count) in added)
        {
            if (!stored.TryGetValue(hour, out var row))
            {
                row = db.FailureHours.Add(new FailureHour { Hour = hour }).Entity;
            }

            row.Error1317Failures += count;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
