using System.Diagnostics;
using AdvertStatus.Simulator;
using AdvertStatus.Web.ApiKeys;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Demo;

/// <summary>
/// <c>-- --demo</c>: once the server listens, fills an empty database with the simulator's fleet through
/// the public ingestion API of this very instance (a temporary ingest key, real HTTP, the same batches,
/// gzip and retries as agents), then revokes the key and marks the database as demo data. A database
/// that already holds data is left alone: the app says so and exits.
/// </summary>
internal sealed partial class DemoFiller(
    IDbContextFactory<AdvertStatusDbContext> contexts, ApiKeyAdministration keys, IServer server, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<DemoFiller> logger) : BackgroundService
{
    public const string Switch = "--demo";
    public const int Seed = 307434;
    public const int Machines = 600;
    private const string Actor = "system:demo";

    /// <summary>The command line without <c>--demo</c> (the configuration reader would take it for a setting).</summary>
    public static string[] WithoutSwitch(string[] args) => [.. args.Where(a => a != Switch)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WhenStartedAsync(stoppingToken))
        {
            return;
        }

        if (await HoldsDataAsync(stoppingToken))
        {
            LogNotEmpty(logger);
            Environment.ExitCode = 3;
            lifetime.StopApplication();
            return;
        }

        var watch = Stopwatch.StartNew();
        var (created, _) = await keys.CreateAsync(new ApiKeyRequest("demo loader (temporary)", [ApiKeyScopes.Ingest], null), Actor, stoppingToken);
        try
        {
            var fleet = FleetGenerator.Generate(Seed, Machines, clock.GetUtcNow().UtcDateTime.AddHours(-22));
            using var client = new HttpClient { BaseAddress = LocalAddress(), Timeout = TimeSpan.FromSeconds(100) };
            client.DefaultRequestHeaders.Add("X-Api-Key", created!.Key);
            var report = await new FleetSender(client).SendAsync(fleet.Posts, new DeliveryOptions(Agents: 2), stoppingToken);

            await using var db = await contexts.CreateDbContextAsync(stoppingToken);
            db.Add(new DemoDataset { Seed = Seed, Machines = Machines, Items = report.Items, LoadedAt = clock.GetUtcNow().UtcDateTime, Seconds = watch.Elapsed.TotalSeconds });
            await db.SaveChangesAsync(stoppingToken);
            LogFilled(logger, Machines, report.Items, watch.Elapsed.TotalSeconds, fleet.Truth.Findings.Count);
        }
        finally
        {
            await keys.RevokeAsync(created!.Id, Actor, CancellationToken.None);
        }
    }

    private async Task<bool> WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Raw rows count too: what was ingested but not yet projected is data.
        return await db.Machines.AnyAsync(cancellationToken) || await db.StatusMessages.AnyAsync(cancellationToken) || await db.SecurityEvents.AnyAsync(cancellationToken)
            || await db.InventoryReports.AnyAsync(cancellationToken) || await db.Advertisements.AnyAsync(cancellationToken) || await db.Domains.AnyAsync(cancellationToken);
    }

    /// <summary>This instance's own address, as Kestrel bound it (a wildcard host becomes loopback).</summary>
    private Uri LocalAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("The server has no address to post the demo data to.");
        return new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "--demo fills only an empty database, and this one already holds data: nothing was changed. Point ConnectionStrings:AdvertStatus at a new file to see the demo.")]
    private static partial void LogNotEmpty(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded through the ingestion API: {Machines} workstations, {Items} items in {Seconds:0.0} s; {Findings} findings expected. The dashboard marks it as demo data.")]
    private static partial void LogFilled(ILogger logger, int machines, int items, double seconds, int findings);
}
