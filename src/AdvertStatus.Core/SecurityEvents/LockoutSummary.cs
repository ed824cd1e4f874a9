namespace AdvertStatus.Core.SecurityEvents;

/// <summary>
/// Every lockout of one account in one domain, tallied as events arrive: how many, when, from which
/// caller computers, logged by which DCs. Each stored lockout is added exactly once (ingestion drops
/// duplicates), so the tally is exact in any arrival order.
/// </summary>
public sealed class LockoutSummary
{
    /// <summary>Upper-case domain, or empty when no event or domain registration tells it.</summary>
    public required string Domain { get; set; }

    /// <summary>The account name as first seen (the key is its upper-case form).</summary>
    public required string Account { get; set; }

    public required string AccountKey { get; set; }
    public int Count { get; set; }
    public DateTime FirstLockout { get; set; }
    public DateTime LastLockout { get; set; }
    public IList<LockoutCaller> CallerComputers { get; set; } = [];
    public IList<string> DomainControllers { get; set; } = [];

    public void Add(SecurityEvent lockout)
    {
        ArgumentNullException.ThrowIfNull(lockout);
        FirstLockout = Count == 0 || lockout.TimeCreated < FirstLockout ? lockout.TimeCreated : FirstLockout;
        LastLockout = Count == 0 || lockout.TimeCreated > LastLockout ? lockout.TimeCreated : LastLockout;
        Count++;

        var caller = lockout.SourceMachine ?? "(unknown)";
        var entry = CallerComputers.FirstOrDefault(c => c.Name == caller);
        if (entry is null)
        {
            CallerComputers.Add(new LockoutCaller { Name = caller, Count = 1 });
        }
        else
        {
            entry.Count++;
        }

        if (!DomainControllers.Contains(lockout.Computer))
        {
            DomainControllers.Add(lockout.Computer);
        }
    }
}
