namespace AdvertStatus.Web.Tests.Browser;

/// <summary>
/// For <c>[Fact(SkipUnless = ...)]</c>: browser tests need Debian's Chromium. On a developer machine
/// without it they skip with this reason, so the README's test command still passes on a fresh machine.
/// In CI (<c>CI=true</c>), where <c>.ci/run</c> installs Chromium, they never skip: a missing browser
/// there is a broken install step and must fail, not hide.
/// </summary>
public static class BrowserRequirement
{
    public const string Reason = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium); .ci/run installs it";

    public static bool Available =>
        BrowserFixture.ChromiumAvailable || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
