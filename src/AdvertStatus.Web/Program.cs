using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.ApiKeys;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Components;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Demo;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Hosting;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Notifications;
using AdvertStatus.Web.Overview;
using AdvertStatus.Web.Reports;
using AdvertStatus.Web.Retention;
using AdvertStatus.Web.Rules;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Sources;
using AdvertStatus.Web.Trends;
using AdvertStatus.Web.Users;
using AdvertStatus.Web.Workstations;
using Serilog;

LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(DemoFiller.WithoutSwitch(args));
    // Serve MudBlazor's and the framework's static files from the build output in every environment.
    builder.WebHost.UseStaticWebAssets();
    builder.AddSerilogLogging();
    builder.AddHardening();

    // The composition root: every feature adds its services here and nowhere else. Hosted services start in this
    // order, so the database is migrated first and the bootstrap key exists before the demo fills through it.
    builder.Services.AddApiHosting();
    builder.Services.AddAdvertStatusData(builder.Configuration, builder.Environment);
    builder.Services.AddAccessControl();
    builder.Services.AddThrottling();
    builder.Services.AddUsers(builder.Environment);
    builder.Services.AddApiKeys();
    builder.Services.AddAudit();
    builder.Services.AddRules();
    builder.Services.AddReports();
    // The reports list in this order on the reports route.
    builder.Services.AddWorkstations();
    builder.Services.AddFindings();
    builder.Services.AddLockouts();
    builder.Services.AddAdvertisements();
    builder.Services.AddCoverage();
    builder.Services.AddIngestion();
    builder.Services.AddSources();
    builder.Services.AddTrends();
    builder.Services.AddOverview();
    builder.Services.AddRetention();
    builder.Services.AddNotifications(builder.Configuration);
    if (args.Contains(DemoFiller.Switch))
    {
        builder.Services.AddHostedService<DemoFiller>();
    }

    builder.Services.AddDashboard();

    var app = builder.Build();

    app.UseHardening();
    // Request logging next, so it records the status the client finally gets, not an inner exception.
    // The host's logger, not the static start-up one the middleware falls back to: request lines then reach the
    // configured sinks (the daily file) at the configured level.
    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
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
    // After authentication: an antiforgery token is bound to the signed-in user.
    app.UseCrossSiteRequestGuard();
    // After authentication: the limiter tells a valid key or sign-in from an anonymous or failed one.
    app.UseRateLimiter();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapStaticAssets().AllowAnonymous().DisableRateLimiting();
    app.MapHealthEndpoints();
    app.MapApiReference();
    app.MapIngestionEndpoints();
    app.MapWorkstationsEndpoints();
    app.MapFindingsEndpoints();
    app.MapLockoutsEndpoints();
    app.MapAdvertisementsEndpoints();
    app.MapCoverageEndpoints();
    app.MapReportsEndpoints();
    app.MapSourcesEndpoints();
    app.MapTrendsEndpoints();
    app.MapUsersEndpoints();
    app.MapApiKeysEndpoints();
    app.MapAuditEndpoints();
    app.MapRuleSettingsEndpoints();
    app.MapNotificationsEndpoints();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(SecurityServiceExtensions.DashboardPolicy);

    await app.RunAsync();
    return Environment.ExitCode;   // 0, or what a feature that stopped the app set (the demo's refusal: 3)
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // A setting or a taken port: one line the user can act on, and an exit code scripts can tell apart.
    if (StartupFailure.Describe(ex) is var (message, exitCode))
    {
        Log.Fatal("{Problem}", message);
        return exitCode;
    }

    Log.Fatal(ex, "AdvertStatus stopped unexpectedly");
    return StartupFailure.UnexpectedExitCode;
}
finally
{
    await Log.CloseAndFlushAsync();
}
