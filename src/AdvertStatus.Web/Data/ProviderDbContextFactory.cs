using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>Hands out the configured provider's context as the common <see cref="AdvertStatusDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<AdvertStatusDbContext>
    where TContext : AdvertStatusDbContext
{
    public AdvertStatusDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AdvertStatusDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
