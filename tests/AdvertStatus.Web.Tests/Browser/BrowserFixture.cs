using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>
/// The real app on a free loopback port (Kestrel), seeded with the KB scenario over real HTTP, and
/// Debian's Chromium driven by Playwright. Playwright cannot download browsers here, so the fixture
/// points it at /usr/bin/chromium; where that is missing every browser test skips with that reason.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AdvertStatusApp App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Agent { get; private set; } = default!;

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public async ValueTask InitializeAsync()
    {
        if (!BrowserRequirement.Available)
        {
            return;   // every test of the class skips with BrowserRequirement.Reason
        }

        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Agent = App.CreateAgent();
        await KbScenario.SendAsBatchesAsync(Agent);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Opens a page and waits until the Blazor circuit is connected, so clicks are not lost.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var circuit = new TaskCompletionSource();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("_blazor", StringComparison.Ordinal))
            {
                circuit.TrySetResult();
            }
        };
        await page.GotoAsync(BaseUrl + path);
        await circuit.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        Agent?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A second, separate app for the tests that change data.</summary>
public sealed class MutableBrowserFixture : BrowserFixture;
