using AdvertStatus.Web.Api;
using AdvertStatus.Web.Components;
using AdvertStatus.Web.Dashboard;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Hosting;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Security;
using Serilog;

LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    // Serve MudBlazor's and the framework's static files from the build output in every environment.
    builder.WebHost.UseStaticWebAssets();
    builder.AddSerilogLogging();

    builder.Services.AddApiHosting();
    builder.Services.AddAdvertStatusData(builder.Configuration, builder.Environment);
    builder.Services.AddApiKeySecurity();
    builder.Services.AddFindings();
    builder.Services.AddIngestion();
    builder.Services.AddQueries();
    builder.Services.AddDashboard();

    var app = builder.Build();

    // Request logging first, so it records the status the client finally gets, not an inner exception.
    app.UseSerilogRequestLogging();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();

    app.MapStaticAssets();
    app.MapHealthEndpoints();
    app.MapApiReference();
    app.MapIngestionEndpoints();
    app.MapQueryEndpoints();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

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
