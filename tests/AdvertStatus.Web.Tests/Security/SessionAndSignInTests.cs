using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Users;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// Sessions end on the server, not only in the browser that signs out; sign-in slows guessing without letting a
/// stranger lock anyone out, and answers an unknown account, a wrong password and a disabled account alike (SignInTimingTests).
/// Each test has its own app, because it moves that app's clock.
/// </summary>
public partial class SessionAndSignInTests
{
    /// <summary>Signs in and returns the browser and a second client that only carries a copy of its cookie.</summary>
    private static async Task<(HttpClient Browser, HttpClient Copy)> SignInWithCopyAsync(AdvertStatusApp app, string email, string password)
    {
        var browser = app.CreateBrowser();
        var response = await SignIn.PostAsync(browser, email, password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountPaths.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return (browser, copy);
    }

    /// <summary>
    /// Asks <paramref name="route"/> with the copied cookie, moving the app's clock a second at a time, until it is
    /// refused; returns after how many seconds of the clock it was. Fails if it still works after 5 s.
    /// </summary>
    private static async Task<int> SecondsUntilRefusedAsync(AdvertStatusApp app, HttpClient copy, string route)
    {
        for (var seconds = 0; seconds <= 5; seconds++)
        {
            var status = (await copy.GetAsync(route, TestContext.Current.CancellationToken)).StatusCode;
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return seconds;
            }

            Assert.Equal(HttpStatusCode.OK, status);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Fail($"{route} still answered a copied cookie 5 s after the change.");
        return -1;
    }

    [Fact]
    public async Task Signing_out_ends_a_copied_cookie_within_5_s()
    {
        await using var app = new AdvertStatusApp();
        var (email, password) = await app.AddUserAsync(Roles.Viewer);
        var (browser, copy) = await SignInWithCopyAsync(app, email, password);
        using (browser)
        using (copy)
        {
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode);
            var page = await browser.GetStringAsync("/", TestContext.Current.CancellationToken);
            var token = TokenPattern().Match(page).Groups[1].Value;

            var signedOut = await browser.PostAsync("/account/logout",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.InRange(await SecondsUntilRefusedAsync(app, copy, "/api/v1/findings"), 0, 5);
        }
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_copied_cookie_within_5_s()
    {
        await using var app = new AdvertStatusApp();
        var (email, password) = await app.AddUserAsync(Roles.Operator);
        var (browser, copy) = await SignInWithCopyAsync(app, email, password);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var id = (await ApiReader.GetAsync<ItemList<UserItem>>(admin, "/api/v1/admin/users")).Items.Single(u => u.Email == email).Id;
        using (browser)
        using (copy)
        {
            var disabled = await admin.PatchAsJsonAsync($"/api/v1/admin/users/{id}", new { disabled = true }, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
            Assert.InRange(await SecondsUntilRefusedAsync(app, copy, "/api/v1/findings"), 0, 5);
        }
    }

    [Fact]
    public async Task Demoting_an_Admin_ends_their_admin_access_within_5_s()
    {
        await using var app = new AdvertStatusApp();
        var (email, password) = await app.AddUserAsync(Roles.Admin);
        var (browser, copy) = await SignInWithCopyAsync(app, email, password);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var id = (await ApiReader.GetAsync<ItemList<UserItem>>(admin, "/api/v1/admin/users")).Items.Single(u => u.Email == email).Id;
        using (browser)
        using (copy)
        {
            var demoted = await admin.PatchAsJsonAsync($"/api/v1/admin/users/{id}", new { role = "Viewer" }, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
            Assert.InRange(await SecondsUntilRefusedAsync(app, copy, "/api/v1/admin/users"), 0, 5);
        }
    }

    [Fact]
    public async Task Six_wrong_guesses_by_a_stranger_keep_the_owner_out_at_most_30_s_and_lock_nothing()
    {
        await using var app = new AdvertStatusApp();
        var (email, password) = await app.AddUserAsync(Roles.Operator);
        using var stranger = app.CreateBrowser();
        for (var i = 0; i < 6; i++)
        {
            // Six guesses that are checked: the stranger waits out each delay the page names.
            var page = await (await SignIn.PostAsync(stranger, email, "wrong-guess-" + i)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (WaitPattern().Match(page) is { Success: true } delay)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(int.Parse(delay.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
                page = await (await SignIn.PostAsync(stranger, email, "wrong-guess-" + i)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }

            Assert.Contains("Wrong email or password", page, StringComparison.Ordinal);
        }

        using var owner = app.CreateBrowser();
        var tooSoon = await (await SignIn.PostAsync(owner, email, password)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var wait = int.Parse(WaitPattern().Match(tooSoon).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.Advance(TimeSpan.FromSeconds(wait));
        var signedIn = await SignIn.PostAsync(owner, email, password);

        Assert.InRange(wait, 1, 30);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var failures = (await ApiReader.GetAsync<Page<AuditItem>>(admin, $"/api/v1/admin/audit?action={AuditActions.SignInFailed}&limit=500")).Items
            .Where(e => e.Actor == $"user:{email}").ToList();
        Assert.Equal(6, failures.Count(e => e.Detail!.StartsWith("wrong email or password", StringComparison.Ordinal)));
        Assert.Equal(3, failures.Count(e => e.Detail!.StartsWith("too soon", StringComparison.Ordinal)));   // the stranger's 5th and 6th, the owner's first
        Assert.Null((await ApiReader.GetAsync<ItemList<UserItem>>(admin, "/api/v1/admin/users")).Items.Single(u => u.Email == email).LockedOutUntil);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"Try again in (\d+) s")]
    private static partial Regex WaitPattern();
}
