namespace AdvertStatus.Core.Sources;

/// <summary>
/// One site or DC and when data last arrived from it. A source that has sent nothing for a while is
/// <em>silent</em>: its agent stopped, its key was revoked or its network is down, and the dashboard's
/// numbers for it are old, which an administrator must be told rather than left to guess.
/// </summary>
public sealed class DataSource
{
    public DataSourceKind Kind { get; set; }

    /// <summary>The site code or the DC's computer name, upper-case.</summary>
    public required string Name { get; set; }

    public DateTime FirstReceivedAt { get; set; }
    public DateTime LastReceivedAt { get; set; }

    /// <summary>Items received from it in all (re-sends included: they prove the agent is alive).</summary>
    public long ItemsReceived { get; set; }

    /// <summary>Records a batch of <paramref name="items"/> received at <paramref name="receivedAt"/>.</summary>
    public void Received(DateTime receivedAt, int items)
    {
        if (receivedAt > LastReceivedAt)
        {
            LastReceivedAt = receivedAt;
        }

        ItemsReceived += items;
    }

    public bool IsSilent(DateTime now, TimeSpan silentAfter) => now - LastReceivedAt > silentAfter;
}
