namespace AdvertStatus.Web.Tests.Agents;

/// <summary>
/// For <c>[Fact(SkipUnless = ...)]</c>: the agents' Pester suite needs pwsh, a .NET local tool of this
/// repository (<c>dotnet tool restore</c>, which <c>.ci/run</c> does). Without it the test skips with
/// this reason; in CI (<c>CI=true</c>) it never skips: a missing tool there is a broken install step.
/// </summary>
public static class PwshRequirement
{
    public const string Reason = "pwsh is not restored (run `dotnet tool restore` in the repository); .ci/run restores it";

    public static string NuGetPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Where the test project's PackageDownload puts Pester.</summary>
    public static string PesterModule => Path.Combine(NuGetPackages, "pester", "5.7.1", "tools", "Pester.psd1");

    public static bool Available =>
        Directory.Exists(Path.Combine(NuGetPackages, "powershell", "7.6.9"))
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
