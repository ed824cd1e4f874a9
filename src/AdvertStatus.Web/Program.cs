using AdvertStatus.Web.Api;
using AdvertStatus.Web.Components;
using AdvertStatus.Web.Dashboard;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Demo;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Hosting;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Retention;
using AdvertStatus.Web.Security;
using Serilog;

LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(DemoFiller.WithoutSwitch(args));
    // Serve MudBlazor's and the framework's static files from the build output in every environment.
    builder.WebHost.UseStaticWebAssets();
    builder.AddSerilogLogging();
    builder.AddHardening();

    builder.Services.AddApiHosting();
    builder.Services.AddAdvertStatusData(builder.Configuration, builder.Environment);
    builder.Services.AddAccessControl(builder.Environment);
    builder.Services.AddThrottling();
    builder.Services.AddFindings();
    builder.Services.AddIngestion();
    builder.Services.AddQueries();
    builder.Services.AddRetention();
    if (args.Contains(DemoFiller.Switch))
    {
        builder.Services.AddHostedService<DemoFiller>();
    }

    builder.Services.AddDashboard();

    var app = builder.Build();

    app.UseHardening();
    // Request logging next, so it records the status the client finally gets, not an inner exception.
    app.UseSerilogRequestLogging();
    app.UseExceptionHandler();
    // The API (and any form post) answers bare status codes with ProblemDetails; a browser's page request
    // gets the dashboard's own page inside the layout. Only GETs are re-executed: a refused form post must
    // not be replayed against the page.
    static bool IsPageRequest(HttpContext http) => !http.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(http.Request.Method);
    app.UseWhen(http => !IsPageRequest(http), api => api.UseStatusCodePages());
    app.UseWhen(IsPageRequest, pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
    // Routing after the status code pages, so a re-executed /not-found finds its page.
    app.UseRouting();
    app.UseAuthentication();
    // After authentication: the limiter tells a valid key or sign-in from an anonymous or failed one.
    app.UseRateLimiter();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapStaticAssets().AllowAnonymous().DisableRateLimiting();
    app.MapHealthEndpoints();
    app.MapApiReference();
    app.MapIngestionEndpoints();
    app.MapQueryEndpoints();
    app.MapAdministrationEndpoints();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(SecurityServiceExtensions.DashboardPolicy);

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "AdvertStatus stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
