using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// Unthrottled: every test signs in from 127.0.0.1, and a class's quick tests made more than the 20 anonymous
    /// requests (sign-in page and post) per 10 s that one address may; a CI run's sign-in post got the 429.
    /// </summary>
    public AdvertStatusApp App { get; } = new UnthrottledApp();
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
        // The address Kestrel bound (plain HTTP on loopback, where Chromium still keeps Secure cookies).
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        App.ClientOptions.BaseAddress = new Uri(BaseUrl);
        Agent = App.CreateAgent();
        await KbScenario.SendAsBatchesAsync(Agent);

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>
    /// Debian's Chromium, headless, without the background traffic that has nowhere to go here. Expectations wait up
    /// to 15 s instead of Playwright's 5: they return as soon as they hold, and on two cores shared with a dozen
    /// parallel apps a Blazor render after a query has taken longer than 5 s.
    /// </summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// Signs in through the sign-in page as the given user (the bootstrap Admin unless told otherwise), opens
    /// <paramref name="path"/> and waits until the Blazor circuit is connected, so clicks are not lost.
    /// Console errors, page errors and CSP violations of the page are collected in <see cref="ErrorsOf"/>.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, string email = AdvertStatusApp.AdminEmail, string password = AdvertStatusApp.AdminPassword)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, BaseUrl, path, email, password);
        return page;
    }

    /// <summary>Signs in on the app at <paramref name="baseUrl"/> (any instance), lands on <paramref name="path"/> and waits for its circuit.</summary>
    public static Task SignInAsync(IPage page, string baseUrl, string path, string email = AdvertStatusApp.AdminEmail, string password = AdvertStatusApp.AdminPassword) =>
        WhenConnectedAsync(page, async () =>
        {
            await page.GotoAsync(baseUrl + "/account/login?ReturnUrl=" + Uri.EscapeDataString(path));
            await page.FillAsync("#login-email", email);
            await page.FillAsync("#login-password", password);
            await page.ClickAsync("#login-submit");
        });

    /// <summary>Loads <paramref name="path"/> afresh in a signed-in page and waits for its circuit.</summary>
    public Task GotoAsync(IPage page, string path) => WhenConnectedAsync(page, () => page.GotoAsync(BaseUrl + path));

    private static async Task WhenConnectedAsync(IPage page, Func<Task> navigate)
    {
        var circuit = new TaskCompletionSource();
        void OnSocket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("_blazor", StringComparison.Ordinal))
            {
                circuit.TrySetResult();
            }
        }

        page.WebSocket += OnSocket;
        try
        {
            await navigate();
            try
            {
                await circuit.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                // Say where the browser ended up (a refused sign-in, an error page), not only that it waited.
                throw new TimeoutException($"No Blazor circuit within 20 s; the page is {page.Url}: {await page.TitleAsync()}");
            }

            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            // The socket is up before the page's components have their handlers: a click on the prerendered
            // page is lost until then. The layout's dark-mode toggle is disabled until that moment.
            await page.WaitForFunctionAsync("() => { const toggle = document.querySelector('#dark-mode-toggle'); return !toggle || !toggle.disabled; }");
        }
        finally
        {
            page.WebSocket -= OnSocket;
        }
    }

    /// <summary>A fresh browser context (no cookies) whose page reports its errors.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        _errors.Add(page, errors);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal)))
            {
                lock (errors)
                {
                    errors.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
        return page;
    }

    /// <summary>Console errors, uncaught script errors and CSP violations the page has shown so far.</summary>
    public IReadOnlyList<string> ErrorsOf(IPage page)
    {
        var errors = _errors.GetValue(page, _ => []);
        lock (errors)
        {
            return [.. errors];
        }
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> _errors = [];

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
