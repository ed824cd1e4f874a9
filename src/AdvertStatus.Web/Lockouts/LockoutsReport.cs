using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Lockouts;

/// <summary><c>lockouts.csv</c>: lockouts per domain account, filtered by <c>account</c> and <c>domain</c>.</summary>
public sealed class LockoutsReport(IDbContextFactory<AdvertStatusDbContext> contexts) : ICsvReport
{
    public string Name => "lockouts";

    public CsvExport Prepare(QueryParameters query, IQueryCollection values, IReadOnlySet<string>? sites)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Export(values["account"], QueryParameters.Upper(values["domain"]), sites);
    }

    /// <summary>The accounts matching <paramref name="account"/> and <paramref name="domain"/>, as callers of <paramref name="sites"/> (null: every site) see them.</summary>
    public CsvExport Export(string? account, string? domain, IReadOnlySet<string>? sites) => new(Name, async (output, cancellationToken) =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvReport.Open(output);
        var lockouts = sites is null
            ? LockoutQueries.Filter(db, account, domain).AsAsyncEnumerable()
            : LockoutQueries.ForSitesAsync(db, sites, account, domain, cancellationToken);
        await csv.WriteRecordsAsync(lockouts.Select(LockoutQueries.ToItem).Select(l => new LockoutRow
        {
            Domain = l.Domain,
            Account = l.Account,
            Count = l.Count,
            CallerComputers = string.Join("; ", l.CallerComputers.Select(c => $"{c.Name} ({c.Count})")),
            DomainControllers = string.Join("; ", l.DomainControllers),
            FirstLockout = l.FirstLockout,
            LastLockout = l.LastLockout,
        }), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    });
}
