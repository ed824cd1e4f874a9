using System.Globalization;
using Serilog;

namespace AdvertStatus.Web.Hosting;

internal static class LoggingExtensions
{
    /// <summary>
    /// The logger used until the host is built, so start-up failures are still written somewhere.
    /// </summary>
    public static void CreateBootstrapLogger() =>
        Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateBootstrapLogger();

    /// <summary>
    /// Serilog for the host: sinks and levels come from the <c>Serilog</c> configuration section
    /// (console and a daily rolling file by default). Request logging records method, path, status
    /// and time only: never headers (the API key) or bodies.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        // The host gets a logger of its own (disposed with it) rather than freezing the static bootstrap
        // logger: the static one can only be frozen once per process, and tests start several hosts.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Filter.ByExcluding(StartupFailure.IsHostNoise),
            preserveStaticLogger: true);
        return builder;
    }
}
