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

    /// <summary>Items of it stored: received once, with content not seen before under their key.</summary>
    public long ItemsStored { get; set; }

    /// <summary>Items re-sent with the content already stored under their key.</summary>
    public long Duplicates { get; set; }

    /// <summary>Items re-sent under a stored key with other content (kept as first stored).</summary>
    public long Conflicts { get; set; }

    /// <summary>Adds what one batch brought at <paramref name="receivedAt"/>; the last-received time only moves forward.</summary>
    public void Add(DateTime receivedAt, SourceCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        if (receivedAt > LastReceivedAt)
        {
            LastReceivedAt = receivedAt;
        }

        ItemsReceived += count.Received;
        ItemsStored += count.Stored;
        Duplicates += count.Duplicates;
        Conflicts += count.Conflicts;
    }

    public bool IsSilent(DateTime now, TimeSpan silentAfter) => now - LastReceivedAt > silentAfter;
}
