namespace AdvertStatus.Web.Tests.Browser;

/// <summary>For <c>[Fact(SkipUnless = ...)]</c>: browser tests need Debian's Chromium.</summary>
public static class BrowserRequirement
{
    public const string Reason = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium); .ci/run installs it";

    public static bool Available => BrowserFixture.ChromiumAvailable;
}
