using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Lockouts;

/// <summary>Adds newly stored lockouts to the per domain + account tallies behind the lockouts list.</summary>
internal static class LockoutSummaryUpdater
{
    /// <summary>Lockouts whose domain no event or registration tells are grouped under this empty domain.</summary>
    public const string UnknownDomain = "";

    public static async Task AddAsync(AdvertStatusDbContext db, IReadOnlyList<SecurityEvent> fresh, CancellationToken cancellationToken)
    {
        foreach (var group in fresh.Where(e => e.Kind == SecurityEventKind.Lockout && e.AccountKey is not null)
                     .GroupBy(e => (Domain: e.AccountDomain ?? UnknownDomain, Key: e.AccountKey!)))
        {
            var summary = await db.LockoutSummaries.FindAsync([group.Key.Domain, group.Key.Key], cancellationToken);
            if (summary is null)
            {
                summary = db.LockoutSummaries.Add(new LockoutSummary
                {
                    Domain = group.Key.Domain,
                    AccountKey = group.Key.Key,
                    Account = group.First().TargetUserName!,
                }).Entity;
            }

            foreach (var lockout in group)
            {
                summary.Add(lockout);
            }
        }
    }
}
