using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AdvertStatus.Web.Hosting;

/// <summary>
/// Gives the OpenAPI document its title and declares how to authenticate: the <c>X-Api-Key</c> header
/// (agents, scripts, the API reference page) or the dashboard's sign-in cookie.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "Cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AdvertStatus API",
            Version = "v1",
            Description = "Ingestion of SMS status messages, DC security events and inventory; the Q307434 findings, lockouts, " +
                "advertisement status and hotfix coverage they yield; and administration. Send an API key as X-Api-Key: " +
                "scope ingest for the ingestion routes, read for queries and reports, operate to acknowledge or resolve, admin for /admin.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key from Settings → API keys (or POST /api/v1/admin/api-keys).",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AccountPaths.CookieName,
            Description = "The dashboard's sign-in cookie (sign in at /account/login).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
