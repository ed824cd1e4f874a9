using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Advertisements;

/// <summary>Advertisements known from client messages, before (or without) the site server posting them.</summary>
internal static class AdvertisementDirectory
{
    /// <summary>
    /// Adds the advertisements the messages name and fills the names a stored one lacks; a posted definition always
    /// wins. Tracked: the caller saves.
    /// </summary>
    public static async Task RecordFromMessagesAsync(AdvertStatusDbContext db, IReadOnlyList<StatusMessage> messages, CancellationToken cancellationToken)
    {
        var seen = messages.Where(m => m.AdvertisementId is not null).GroupBy(m => m.AdvertisementId!).ToList();
        foreach (var chunk in seen.Chunk(InList.ChunkSize))
        {
            var ids = chunk.Select(g => g.Key).ToList();
            var known = await db.Advertisements.Where(a => ids.Contains(a.AdvertisementId)).ToDictionaryAsync(a => a.AdvertisementId, cancellationToken);
            foreach (var group in chunk)
            {
                if (!known.TryGetValue(group.Key, out var advert))
                {
                    advert = db.Advertisements.Add(new Advertisement { AdvertisementId = group.Key, SiteCode = group.First().SiteCode, UpdatedAt = group.Max(m => m.ReceivedAt) }).Entity;
                }

                advert.PackageId ??= group.Select(m => m.PackageId).FirstOrDefault(p => p is not null);
                advert.PackageName ??= group.Select(m => m.PackageName).FirstOrDefault(p => p is not null);
                advert.ProgramName ??= group.Select(m => m.ProgramName).FirstOrDefault(p => p is not null);
                advert.CollectionId ??= group.Select(m => m.CollectionId).FirstOrDefault(p => p is not null);
            }
        }
    }
}
