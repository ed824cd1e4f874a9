using System.Net;
using System.Net.Sockets;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Hosting;

/// <summary>
/// What a person starting the app sees when a setting is wrong or the port is taken: one line that says what to
/// do, an exit code of its own, and no stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"advertstatus-startup-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_port_in_use_is_one_line_that_names_the_address_and_how_to_choose_another_with_exit_code_4()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output) = await RunAsync("--urls", address);

        Assert.Equal(4, exitCode);
        var line = Assert.Single(output, l => l.Contains("FTL", StringComparison.Ordinal));
        Assert.Contains($"Cannot listen on {address}: another program already uses that port.", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Theory]
    [InlineData("--Database:Provider=Postgres", "Configuration error: Database:Provider is 'Postgres'; use one of: Sqlite, SqlServer.")]
    [InlineData("--Database:BusyTimeoutSeconds=500", "Configuration error: The field BusyTimeoutSeconds must be between 1 and 60.")]
    public async Task A_bad_setting_is_one_line_that_names_it_and_what_is_valid_with_exit_code_2(string argument, string expected)
    {
        var (exitCode, output) = await RunAsync(argument);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output, l => l.Contains("FTL", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task SqlServer_without_a_connection_string_is_one_line_with_exit_code_2()
    {
        var (exitCode, output) = await RunAsync("--Database:Provider=SqlServer", "--ConnectionStrings:AdvertStatus=");

        Assert.Equal(2, exitCode);
        Assert.Contains(output, l => l.Contains("Database:Provider is SqlServer but ConnectionStrings:AdvertStatus is not set.", StringComparison.Ordinal));
        AssertNoStackTrace(output);
    }

    private Task<(int ExitCode, IReadOnlyList<string> Output)> RunAsync(params string[] arguments) =>
        ServerProcess.RunToExitAsync(_database, "startup-test-key", TimeSpan.FromSeconds(60), arguments);

    private static void AssertNoStackTrace(IReadOnlyList<string> output)
    {
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(output, l => l.Contains("Exception", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
