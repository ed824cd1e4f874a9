using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// The app as a real server process (<c>dotnet AdvertStatus.Web.dll</c>) on a loopback port, for what
/// only a process can show: being killed, restarting, running beside another instance.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ServerProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>What the process has written to its console so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the app on <paramref name="databasePath"/> and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(string databasePath, string apiKey, params string[] arguments)
    {
        var (process, address, output) = Launch(databasePath, apiKey, arguments);
        var server = new ServerProcess(process, address, output);
        using var probe = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} while starting.");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The server did not become ready within 60 s.");
    }

    /// <summary>Runs the app for a command that ends by itself; returns its exit code and console output.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunToExitAsync(string databasePath, string apiKey, TimeSpan timeout, params string[] arguments)
    {
        var (process, _, output) = Launch(databasePath, apiKey, arguments);
        using (process)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The app did not exit within {timeout.TotalSeconds:0} s.");
            }

            return (process.ExitCode, [.. output]);
        }
    }

    private static (Process Process, Uri Address, System.Collections.Concurrent.ConcurrentQueue<string> Output) Launch(string databasePath, string apiKey, string[] arguments)
    {
        var port = FreePort();
        var webProject = Path.Combine(RepositoryRoot(), "src", "AdvertStatus.Web");
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
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__AdvertStatus"] = $"Data Source={databasePath}";
        start.Environment["Ingestion__BootstrapApiKey"] = apiKey;
        start.Environment["Auth__BootstrapAdmin__Email"] = AdvertStatusApp.AdminEmail;
        start.Environment["Auth__BootstrapAdmin__Password"] = AdvertStatusApp.AdminPassword;
        start.Environment["Serilog__WriteTo__1__Name"] = "Console";
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) output.Enqueue(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) output.Enqueue(text); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, new Uri($"http://127.0.0.1:{port}"), output);
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding AdvertStatus.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AdvertStatus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
