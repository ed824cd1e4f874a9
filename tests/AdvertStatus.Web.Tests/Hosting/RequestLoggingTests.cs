using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace AdvertStatus.Web.Tests.Hosting;

/// <summary>
/// The one line per request goes through the host's Serilog pipeline: to the configured sinks (the daily file by
/// default), at the configured level, and without the API key. It used to go to the static start-up logger, which
/// writes to the console only and ignores the settings.
/// </summary>
public class RequestLoggingTests
{
    private sealed class LoggedApp(string requestLevel) : AdvertStatusApp
    {
        public LogCollector Log { get; } = new();

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", requestLevel);
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
        }
    }

    [Fact]
    public async Task A_request_is_logged_to_the_configured_sinks_without_its_key()
    {
        var app = new LoggedApp("Information");
        await using (app)
        {
            using var agent = app.CreateAgent();
            await agent.GetAsync("/api/v1/findings?site=LAB", TestContext.Current.CancellationToken);
        }   // the line is written once the pipeline returns, which may be after the client has its answer: stopping waits for it

        Assert.Contains("HTTP \"GET\" \"/api/v1/findings\" responded 200", app.Log.Text, StringComparison.Ordinal);   // rendered with quoted strings
        Assert.DoesNotContain(AdvertStatusApp.ApiKey, app.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_is_not_logged_when_the_configured_level_leaves_it_out()
    {
        var app = new LoggedApp("Warning");
        await using (app)
        {
            using var agent = app.CreateAgent();
            await agent.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken);
            await agent.GetAsync("/api/v1/no-such-route", TestContext.Current.CancellationToken);   // a 404 is not a warning either
        }

        Assert.DoesNotContain(" responded ", app.Log.Text, StringComparison.Ordinal);
        Assert.Contains("Application started", app.Log.Text, StringComparison.Ordinal);   // the sink does receive the host's lines
    }
}
