using System.Diagnostics;
using System.Text.RegularExpressions;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AdvertStatus.Web.Tests.Agents;

/// <summary>
/// The PowerShell agents' Pester suite (agents/tests), run under pwsh against a real server process:
/// delivery, bookmarks, the spool while the server is down, the split of a refused batch into
/// rejected/, SMS site rows to JSON, and the Windows PowerShell 5.1 syntax check.
/// </summary>
public sealed partial class AgentPesterTests : IDisposable
{
    private const string Key = "agent-test-key";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"advertstatus-agents-{Guid.NewGuid():N}.db");

    [Fact(Skip = PwshRequirement.Reason, SkipUnless = nameof(PwshRequirement.Available), SkipType = typeof(PwshRequirement))]
    public async Task The_agents_Pester_suite_passes_against_a_running_server()
    {
        await using var server = await ServerProcess.StartAsync(_database, Key);
        var root = ServerProcess.RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(root, "agents", "tests", "Run-Tests.ps1"), "-PesterPath", PwshRequirement.PesterModule })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ADVERTSTATUS_TEST_URL"] = server.Address.ToString().TrimEnd('/');
        start.Environment["ADVERTSTATUS_TEST_KEY"] = Key;
        start.Environment["NO_COLOR"] = "1";
        using var pwsh = Process.Start(start)!;
        var output = pwsh.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = pwsh.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(5));
        await pwsh.WaitForExitAsync(deadline.Token);
        var log = Ansi().Replace(await output + await errors, "");
        TestContext.Current.TestOutputHelper?.WriteLine(log);

        Assert.True(pwsh.ExitCode == 0, $"Pester exited with {pwsh.ExitCode}:\n{log}");
        var summary = Summary().Match(log);
        Assert.True(summary.Success, "No Pester summary line:\n" + log);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 10, summary.Value);
        Assert.Equal("0", summary.Groups[2].Value);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"Pester: (\d+) passed, (\d+) failed")]
    private static partial Regex Summary();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();
}
