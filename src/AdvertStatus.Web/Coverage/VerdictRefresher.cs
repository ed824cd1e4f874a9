using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Coverage;

/// <summary>
/// Stored verdicts follow the configured fixed-build set: when an admin adds a build (say the SP4
/// Hotfix Rollup's), the next start re-derives the verdicts. It works per distinct version, a handful
/// of statements, however many machines there are.
/// </summary>
internal sealed partial class VerdictRefresher(
    IDbContextFactory<AdvertStatusDbContext> contexts,
    FixedBuildSet fixedBuilds,
    ILogger<VerdictRefresher> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken) || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return; // nothing to refresh before the schema exists; the migrator or a DBA comes first
        }

        var versions = await db.Machines.Select(m => m.Smsapm32Version).Distinct().ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var version in versions)
        {
            var verdict = fixedBuilds.VerdictFor(version);
            changed += await db.Machines
                .Where(m => m.Smsapm32Version == version && m.Verdict != verdict)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Verdict, verdict), cancellationToken);
        }

        if (changed > 0)
        {
            LogRefreshed(logger, changed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-derived the hotfix verdict of {Count} machine(s) from the configured fixed builds")]
    private static partial void LogRefreshed(ILogger logger, int count);
}
