using System.Diagnostics;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// Reads again until what a background worker records has arrived: a receiver sees a request, or an SMTP server a
/// message, a moment before the sender has saved that it was delivered.
/// </summary>
public static class Eventually
{
    /// <summary>The first read that satisfies <paramref name="done"/>, or the last one after <paramref name="timeout"/> (the caller's assertions then say what is missing).</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var waited = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && waited.Elapsed < timeout)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            value = await read();
        }

        return value;
    }
}
