using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AdvertStatus.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Authenticates agents by the <c>X-Api-Key</c> header. Look-ups are cached for well under a second,
/// so a busy agent costs one query per <see cref="CacheFor"/> rather than one per request, and a key
/// revoked on any instance is refused everywhere within a second. The cache holds hashes only.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<AdvertStatusDbContext> contexts,
    IMemoryCache cache,
    ApiKeyUsage usage,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Half the contract's one-second revocation bound, leaving room for the request in flight.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);

    /// <summary>Why the key was refused, in <see cref="HttpContext.Items"/> under <see cref="FailureItem"/>.</summary>
    public const string UnknownMessage = "Unknown API key.";

    /// <inheritdoc cref="UnknownMessage"/>
    public const string RevokedMessage = "Revoked API key.";

    public static readonly object FailureItem = new();

    public static string CacheKey(string hash) => "apikey:" + hash;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeyHasher.Hash(values.ToString().Trim());
        var key = await cache.GetOrCreateAsync(CacheKey(hash), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
            return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        });

        if (key is null || key.RevokedAt is not null)
        {
            // Kept for the 401's explanation: the framework keeps only a successful result on the request.
            Context.Items[FailureItem] = key is null ? UnknownMessage : RevokedMessage;
            return AuthenticateResult.Fail((string)Context.Items[FailureItem]!);
        }

        usage.Touch(key.Id, clock.GetUtcNow().UtcDateTime);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name),
            new(ApiKeyScopes.KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(ApiKeyScopes.Parse(key.Scopes).Select(s => new Claim(ApiKeyScopes.ScopeClaim, s)));
        claims.AddRange(key.SiteCodes.Select(s => new Claim(ApiKeyScopes.SiteClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
