using System.Text.Json.Serialization;
using AdvertStatus.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace AdvertStatus.Web.Hosting;

internal static class ApiHostingExtensions
{
    /// <summary>ProblemDetails for every error, enums by name, the clock, health checks and the OpenAPI document.</summary>
    public static IServiceCollection AddApiHosting(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = AccessProblems.Explain);
        // Enums (verdict, state) travel as their names, as the contract spells them.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocumentTransformer>());
        return services;
    }

    /// <summary>
    /// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> also needs the database to take writes.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Load balancers ask anonymously and often.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary><c>/openapi/v1.json</c> and the API reference page at <c>/scalar/v1</c> (also <c>/api</c>).</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        // Anonymous, so client generators can fetch it; every operation in it still needs a key or a sign-in.
        app.MapOpenApi().AllowAnonymous().DisableRateLimiting();
        app.MapScalarApiReference(options => options
                .WithTitle("AdvertStatus API")
                // A fresh nonce per request on Scalar's script tags; HardeningExtensions names it in the page's CSP,
                // so the page runs without 'unsafe-inline' scripts.
                .WithNonce()
                .DisableDefaultFonts()
                // The reference documents this API only: no vendor's AI chat, MCP, SDK generation or deploy buttons,
                // and nothing sent to the vendor (the page must also work where the internet is out of reach).
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .DisableTelemetry()
                .AddPreferredSecuritySchemes(ApiDocumentTransformer.ApiKeyScheme)
                .AddApiKeyAuthentication(ApiDocumentTransformer.ApiKeyScheme, key => key.Value = ""))
            .AllowAnonymous().DisableRateLimiting();
        app.MapGet("/api", () => TypedResults.Redirect("/scalar/v1")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private const string ReadyTag = "ready";
}
