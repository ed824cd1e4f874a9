using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Users;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// Sign-in answers an unknown account, a wrong password and a disabled account with one message in similar time,
/// so neither the words nor the clock tell a guesser which accounts exist. It compares response times, so it runs
/// alone: a browser test on the same two cores would decide the ratio, not the code.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public partial class SignInTimingTests
{
    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_disabled_account_get_one_message_in_similar_time()
    {
        await using var app = new AdvertStatusApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var (disabledEmail, disabledPassword) = await app.AddUserAsync(Roles.Viewer);
        var disabledId = (await ApiReader.GetAsync<ItemList<UserItem>>(admin, "/api/v1/admin/users")).Items.Single(u => u.Email == disabledEmail).Id;
        await admin.PatchAsJsonAsync($"/api/v1/admin/users/{disabledId}", new { disabled = true }, TestContext.Current.CancellationToken);
        using var browser = app.CreateBrowser();
        await SignIn.PostAsync(browser, "warm-up@test.local", "x");   // the first hash pays for JIT

        async Task<(string Message, double Ms)> AttemptAsync(string email, string password)
        {
            var watch = Stopwatch.StartNew();
            var page = await (await SignIn.PostAsync(browser, email, password)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return (ErrorPattern().Match(page).Groups[1].Value, watch.Elapsed.TotalMilliseconds);
        }

        var unknown = new List<(string Message, double Ms)>();
        var wrong = new List<(string Message, double Ms)>();
        var disabled = new List<(string Message, double Ms)>();
        for (var i = 0; i < 3; i++)   // three each: below the throttle's free attempts per account
        {
            unknown.Add(await AttemptAsync($"nobody-{i}@test.local", "Some-Password-1!"));
            var (knownEmail, _) = await app.AddUserAsync(Roles.Viewer);
            wrong.Add(await AttemptAsync(knownEmail, "Some-Password-1!"));
            disabled.Add(await AttemptAsync(disabledEmail, i == 0 ? disabledPassword : "Some-Password-1!"));
        }

        var messages = unknown.Concat(wrong).Concat(disabled).Select(a => a.Message).Distinct().ToList();
        Assert.Equal(["Wrong email or password, or the account is disabled."], messages);
        static double Median(List<(string Message, double Ms)> attempts) => attempts.Select(a => a.Ms).Order().ElementAt(attempts.Count / 2);
        // Without a hash for the unknown email it answered in a fiftieth of the time (8–71 ms against 267–493 ms).
        Assert.True(Median(unknown) > 0.4 * Median(wrong), $"unknown {Median(unknown):0} ms, wrong password {Median(wrong):0} ms");
        Assert.True(Median(disabled) > 0.4 * Median(wrong), $"disabled {Median(disabled):0} ms, wrong password {Median(wrong):0} ms");
    }

    [GeneratedRegex("id=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)<")]
    private static partial Regex ErrorPattern();
}
