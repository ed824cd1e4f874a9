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

    /// <summary>
    /// Runs an app whose request lines are logged at <paramref name="requestLevel"/>, sends <paramref name="routes"/>
    /// and returns its log once it has stopped: a request's line is written when the pipeline returns, which may be
    /// after the client has its answer, and stopping waits for that.
    /// </summary>
    private static async Task<string> LogOfAsync(string requestLevel, params string[] routes)
    {
        var app = new LoggedApp(requestLevel);
        await using (app)
        {
            using var agent = app.CreateAgent();
            foreach (var route in routes)
            {
                await agent.GetAsync(route, TestContext.Current.CancellationToken);
            }
        }

        return app.Log.Text;
    }

    [Fact]
    public async Task A_request_is_logged_to_the_configured_sinks_without_its_key()
    {
        var log = await LogOfAsync("Information", "/api/v1/findings?site=LAB");

        Assert.Contains("HTTP \"GET\" \"/api/v1/findings\" responded 200", log, StringComparison.Ordinal);   // rendered with quoted strings
        Assert.DoesNotContain(AdvertStatusApp.ApiKey, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_is_not_logged_when_the_configured_level_leaves_it_out()
    {
        var log = await LogOfAsync("Warning", "/api/v1/findings", "/api/v1/no-such-route");   // a 404 is not a warning either

        Assert.DoesNotContain(" responded ", log, StringComparison.Ordinal);
        Assert.Contains("Application started", log, StringComparison.Ordinal);   // the sink does receive the host's lines
    }
}
