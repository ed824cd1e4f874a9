using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// The app as a user runs it: its own process (<c>dotnet AdvertStatus.Web.dll</c>, Production), Kestrel on a
/// loopback port, a SQLite file of its own. The load comes from this process over real sockets.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string Key = "benchmark-key";

    private readonly Process _process;
    private readonly string _databasePath;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private AppProcess(Process process, Uri address, string databasePath, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _databasePath = databasePath;
        _output = output;
    }

    /// <summary>What the app wrote to its console so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the app on a new database with <paramref name="settings"/> as environment variables and waits until it is ready.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"advertstatus-bench-{Guid.NewGuid():N}.db");
        var webProject = Path.Combine(Repository.Root, "src", "AdvertStatus.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AdvertStatus.Web.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(webProject);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__AdvertStatus"] = $"Data Source={database}";
        start.Environment["Ingestion__BootstrapApiKey"] = Key;
        start.Environment["Ingestion__BootstrapApiKeyScopes"] = "ingest,read,operate,admin";
        start.Environment["Auth__BootstrapAdmin__Email"] = "bench@advertstatus.local";
        start.Environment["Auth__BootstrapAdmin__Password"] = "Benchmark-Admin-Pass-1!";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning";
        start.Environment["Serilog__WriteTo__1__Name"] = "Console";
        // Agents flood on purpose; the per-key limit is measured elsewhere.
        start.Environment["Security__IngestRequestsPerSecondPerKey"] = "1000000";
        start.Environment["Security__IngestBurstPerKey"] = "1000000";
        // BENCH_APP_X=v in the benchmark's environment sets X=v for the app, for experiments (runtime knobs, settings).
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Where(e => ((string)e.Key).StartsWith("BENCH_APP_", StringComparison.Ordinal)))
        {
            start.Environment[((string)entry.Key)["BENCH_APP_".Length..]] = (string?)entry.Value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) output.Enqueue(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) output.Enqueue(text); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")), database, output);
        using var probe = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting:\n{string.Join('\n', output)}");
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The app did not become ready within 60 s.");
    }

    /// <summary>A client with the benchmark's key and no connection limit beyond the agents'.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(5),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>
    /// CPU time the runtime's tiered-compilation thread has used so far, in ms (Linux only): while it still grows, the
    /// app is still compiling its hot code to its final form, and a measurement would measure the JIT.
    /// </summary>
    public double TieringCpuMilliseconds()
    {
        var total = 0.0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields 14 and 15 of stat (after the parenthesised name) are user and system time in clock ticks (100 a second).
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }

        return total;
    }

    /// <summary>The process's peak resident memory (VmHWM), in MB; Linux only.</summary>
    public double PeakMemoryMegabytes() => ReadStatus("VmHWM:");

    /// <summary>The process's resident memory now (VmRSS), in MB; Linux only.</summary>
    public double MemoryMegabytes() => ReadStatus("VmRSS:");

    private double ReadStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
