using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Ensures the configured bootstrap key exists. Registered after the migrator, so the table is there;
/// hosted services start in registration order.
/// </summary>
internal sealed partial class BootstrapApiKeyService(
    IDbContextFactory<AdvertStatusDbContext> contexts,
    IOptions<IngestionKeyOptions> options,
    TimeProvider clock,
    ILogger<BootstrapApiKeyService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BootstrapApiKey))
        {
            return;
        }

        var hash = ApiKeyHasher.Hash(options.Value.BootstrapApiKey.Trim());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, cancellationToken))
        {
            return;
        }

        db.ApiKeys.Add(new ApiKey
        {
            Name = "bootstrap",
            KeyHash = hash,
            Scopes = $"{ApiKeyScopes.Ingest} {ApiKeyScopes.Read}",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogCreated(logger);
        }
        catch (DbUpdateException)
        {
            // Another instance may have created it at the same moment, which is the outcome we wanted.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await check.ApiKeys.AnyAsync(k => k.KeyHash == hash, cancellationToken))
            {
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap API key from configuration")]
    private static partial void LogCreated(ILogger logger);
}
