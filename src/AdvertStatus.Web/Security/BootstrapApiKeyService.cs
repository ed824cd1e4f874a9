using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Ensures the configured bootstrap key exists with the configured scopes. Registered after the
/// migrator, so the table is there; hosted services start in registration order. A bootstrap key an
/// Admin revoked stays revoked: configuration must not undo a revocation.
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
        var scopes = ApiKeyScopes.Format(ApiKeyScopes.Parse(options.Value.BootstrapApiKeyScopes));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken) is { } existing)
        {
            if (existing.RevokedAt is not null)
            {
                LogRevoked(logger);
            }
            else if (existing.Scopes != scopes)
            {
                existing.Scopes = scopes;
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        db.ApiKeys.Add(new ApiKey
        {
            Name = "bootstrap",
            KeyHash = hash,
            Scopes = scopes,
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bootstrap API key from configuration was revoked by an Admin and stays revoked")]
    private static partial void LogRevoked(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap API key from configuration")]
    private static partial void LogCreated(ILogger logger);
}
