namespace AdvertStatus.Web.Findings;

/// <summary>
/// Tells open dashboard pages that findings changed, after the change is committed. A singleton per
/// app instance: subscribers get the ids and re-query what they show.
/// </summary>
public sealed class FindingFeed
{
    private readonly Lock _gate = new();
    private readonly List<Action<IReadOnlyCollection<long>>> _subscribers = [];

    /// <summary>Subscribes; dispose the result to stop (a component does so when it leaves the page).</summary>
    public IDisposable Subscribe(Action<IReadOnlyCollection<long>> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Add(onChanged);
        }

        return new Subscription(this, onChanged);
    }

    public void Publish(IReadOnlyCollection<long> findingIds)
    {
        if (findingIds.Count == 0)
        {
            return;
        }

        Action<IReadOnlyCollection<long>>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(findingIds);
        }
    }

    private void Unsubscribe(Action<IReadOnlyCollection<long>> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChanged);
        }
    }

    private sealed class Subscription(FindingFeed feed, Action<IReadOnlyCollection<long>> onChanged) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChanged);
    }
}
