using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace AdvertStatus.Benchmarks;

/// <summary>The real app on a SQLite file, as a user runs it, behind an in-memory HTTP server.</summary>
internal sealed class BenchmarkApp(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string Key = "benchmark-key";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"advertstatus-bench-{Guid.NewGuid():N}.db");

    static BenchmarkApp()
    {
        // Environment variables come after appsettings.json, so they quieten its request log where UseSetting cannot.
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
    }

    public string DatabasePath => _path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:AdvertStatus", $"Data Source={_path}");
        builder.UseSetting("Ingestion:BootstrapApiKey", Key);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Name", "Console");
        // Agents flood on purpose; the per-key limit is measured elsewhere.
        builder.UseSetting("Security:IngestRequestsPerSecondPerKey", "1000000");
        builder.UseSetting("Security:IngestBurstPerKey", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
