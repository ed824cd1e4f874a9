using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Lockouts;

/// <summary>Lockout tallies per domain and account, ordered by domain then account (the keyset).</summary>
public sealed class LockoutQueries(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    public static IQueryable<LockoutSummary> Filter(AdvertStatusDbContext db, string? account, string? domain)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.LockoutSummaries.AsNoTracking();
        if (ClientTokenAccount.KeyOf(account) is { } key)
        {
            rows = rows.Where(s => s.AccountKey == key);
        }

        if (domain is not null)
        {
            rows = rows.Where(s => s.Domain == domain);
        }

        return rows.OrderBy(s => s.Domain).ThenBy(s => s.AccountKey);
    }

    public async Task<Page<LockoutItem>> ListAsync(string? account, string? domain, string[]? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, account, domain);
        if (after is [var lastDomain, var lastKey])
        {
            query = query.Where(s => s.Domain.CompareTo(lastDomain) > 0 || (s.Domain == lastDomain && s.AccountKey.CompareTo(lastKey) > 0));
        }

        var rows = await query.Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        return new Page<LockoutItem>(
            [.. page.Select(ToItem)],
            rows.Count > limit ? Cursor.Encode(page[^1].Domain, page[^1].AccountKey) : null);
    }

    public static LockoutItem ToItem(LockoutSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Domain.Length == 0 ? null : s.Domain,
            s.Account,
            s.Count,
            [.. s.CallerComputers.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => new CallerComputerCount(c.Name, c.Count))],
            [.. s.DomainControllers.Order(StringComparer.Ordinal)],
            s.FirstLockout,
            s.LastLockout);
    }
}
