using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// Tells this instance's listeners (open dashboard pages, <c>/api/v1/findings/stream</c> connections)
/// that findings changed, on any instance. It follows the database's change counter
/// (<see cref="ChangeCounter.FindingsFeed"/>), which every commit that changes findings raises, so what
/// one instance commits reaches every instance's clients within one poll interval.
/// </summary>
/// <remarks>
/// One indexed one-row read every <see cref="PollInterval"/> per instance, whatever the number of
/// listeners; a local commit calls <see cref="Nudge"/> so its own clients need not wait for the poll.
/// </remarks>
public sealed partial class FindingFeed(IDbContextFactory<AdvertStatusDbContext> contexts, ILogger<FindingFeed> logger) : BackgroundService, IDashboardChanges
{
    /// <summary>How often the counter is read: the bound on the delay between instances.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly List<Action<long>> _subscribers = [];
    private TaskCompletionSource _changed = NewSignal();
    private TaskCompletionSource _nudged = NewSignal();
    private long _latest = -1;

    /// <summary>The highest change number seen; -1 until the first read.</summary>
    public long Latest => Interlocked.Read(ref _latest);

    /// <summary>Calls <paramref name="onChanged"/> with the new highest number after each change; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<long> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Add(onChanged);
        }

        return new Subscription(this, onChanged);
    }

    /// <summary>Completes when a change numbered above <paramref name="after"/> is known, or after <paramref name="timeout"/> (false).</summary>
    public async Task<bool> WaitAsync(long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (Latest > after)
            {
                return true;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, cancellationToken);
            return Latest > after;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Reads the counter now instead of at the next poll: this instance just committed findings.</summary>
    public void Nudge()
    {
        lock (_gate)
        {
            _nudged.TrySetResult();
        }
    }

    /// <summary>The current change number, read from the database (where a new listener starts).</summary>
    public async Task<long> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChangeCounters.AsNoTracking()
            .Where(c => c.Name == ChangeCounter.FindingsFeed)
            .Select(c => c.Value)
            .SingleAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            Task nudged;
            lock (_gate)
            {
                nudged = _nudged.Task;
            }

            try
            {
                Advance(await ReadCurrentAsync(stoppingToken));
                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A busy or unreachable database: listeners keep what they have, and the next poll tries again.
                if (!failing)
                {
                    LogPollFailed(logger, ex);
                }

                failing = true;
            }

            try
            {
                await Task.WhenAny(nudged, Task.Delay(PollInterval, stoppingToken));
            }
            finally
            {
                lock (_gate)
                {
                    if (_nudged.Task.IsCompleted)
                    {
                        _nudged = NewSignal();
                    }
                }
            }
        }
    }

    private void Advance(long current)
    {
        Action<long>[] subscribers;
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (current <= _latest)
            {
                return;
            }

            Interlocked.Exchange(ref _latest, current);
            changed = _changed;
            _changed = NewSignal();
            subscribers = [.. _subscribers];
        }

        changed.TrySetResult();
        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(current);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(logger, ex);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Unsubscribe(Action<long> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChanged);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The finding change feed could not read the database; live updates pause until it can")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A finding change listener failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(FindingFeed feed, Action<long> onChanged) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChanged);
    }
}
