using System.Collections.Concurrent;

namespace AdvertStatus.Web.Users;

/// <summary>
/// Slows password guessing without a lockout a stranger could trigger. Each failed sign-in counts against the
/// account typed (whether or not it exists, so the answer tells nothing) and against the client address; past a
/// few failures each needs a growing wait before the next attempt is even checked: for an account 2, 4, 8, 16
/// and then at most 30 s, so its owner gets in within 30 s of anyone's guesses; for an address, which only an
/// attacker fills, up to 5 minutes. A success clears the account's count. Counts fade after 15 quiet minutes.
/// Kept per instance: behind a load balancer an attacker's guesses spread over instances are slowed per instance.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock)
{
    public static readonly TimeSpan MaxAccountWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxAddressWait = TimeSpan.FromMinutes(5);
    private const int FreeAccountFailures = 3;
    private const int FreeAddressFailures = 10;
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must still wait before this attempt may be checked; null when it may be now.</summary>
    public TimeSpan? WaitBefore(string email, string? address)
    {
        var now = clock.GetUtcNow();
        var wait = Max(Remaining(AccountKey(email), FreeAccountFailures, MaxAccountWait, now),
            address is null ? TimeSpan.Zero : Remaining(AddressKey(address), FreeAddressFailures, MaxAddressWait, now));
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string email, string? address)
    {
        var now = clock.GetUtcNow();
        Count(AccountKey(email), now);
        if (address is not null)
        {
            Count(AddressKey(address), now);
        }

        if (_failures.Count > 100_000)
        {
            foreach (var key in _failures.Where(f => now - f.Value.Last > Forget).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    public void Succeeded(string email) => _failures.TryRemove(AccountKey(email), out _);

    private void Count(string key, DateTimeOffset now) =>
        _failures.AddOrUpdate(key, new Failures(1, now), (_, f) => now - f.Last > Forget ? new Failures(1, now) : new Failures(f.Count + 1, now));

    private TimeSpan Remaining(string key, int free, TimeSpan max, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures) || failures.Count <= free || now - failures.Last > Forget)
        {
            return TimeSpan.Zero;
        }

        var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures.Count - free), max.TotalSeconds));
        return failures.Last + wait - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string AccountKey(string email) => "account:" + email.Trim().ToUpperInvariant();

    private static string AddressKey(string address) => "address:" + address;

    private sealed record Failures(int Count, DateTimeOffset Last);
}
