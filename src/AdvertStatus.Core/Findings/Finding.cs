namespace AdvertStatus.Core.Findings;

/// <summary>
/// One problem, keyed so that a repeat updates it instead of creating another: the count, first and
/// last seen move with new evidence, and a recurrence after it was resolved re-opens it.
/// </summary>
public sealed class Finding
{
    public long Id { get; set; }
    public required string Rule { get; set; }

    /// <summary>Unique per rule: machine + advertisement, domain + account, or machine.</summary>
    public required string Key { get; set; }

    public FindingState State { get; set; }
    public string? MachineName { get; set; }
    public string? SiteCode { get; set; }
    public string? AdvertisementId { get; set; }
    public string? Domain { get; set; }
    public string? Account { get; set; }
    public int Count { get; set; }
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime StateChangedAt { get; set; }

    /// <summary>Who acknowledged it (<c>user:&lt;email&gt;</c> or <c>key:&lt;name&gt;</c>) and when; cleared when it re-opens.</summary>
    public string? AcknowledgedBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>Who resolved it and when; cleared when it re-opens.</summary>
    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Optimistic concurrency: two instances updating one finding cannot lose a count.</summary>
    public int Version { get; set; }

    /// <summary>
    /// The position of this finding's latest change in the database-wide change feed: set in the
    /// commit that creates or changes it, always higher than any change committed before.
    /// </summary>
    public long ChangeSequence { get; set; }

    /// <summary>
    /// Set when messages or events behind this finding's evidence aged out (retention): the raw rows
    /// before this time are gone; the evidence descriptions and the count still include them.
    /// </summary>
    public DateTime? EvidenceAgedOutBefore { get; set; }

    /// <summary>A new, empty finding for an observation.</summary>
    public static Finding Open(Observation observation, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new Finding
        {
            Rule = observation.Rule,
            Key = observation.Key,
            State = FindingState.Open,
            MachineName = observation.MachineName,
            AdvertisementId = observation.AdvertisementId,
            Domain = observation.Domain,
            Account = observation.Account,
            FirstSeen = DateTime.MaxValue,
            LastSeen = DateTime.MinValue,
            CreatedAt = now,
            UpdatedAt = now,
            StateChangedAt = now,
        };
    }

    /// <summary>
    /// Adds evidence not recorded before (the caller filters out what is already stored). Evidence
    /// newer than the resolution re-opens a resolved finding; a late copy of old evidence does not.
    /// </summary>
    public void Record(IEnumerable<EvidenceItem> newEvidence, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(newEvidence);
        var changed = false;
        foreach (var item in newEvidence)
        {
            changed = true;
            if (item.Counts)
            {
                Count++;
            }

            FirstSeen = item.Time < FirstSeen ? item.Time : FirstSeen;
            LastSeen = item.Time > LastSeen ? item.Time : LastSeen;
            if (State == FindingState.Resolved && item.Time > StateChangedAt)
            {
                State = FindingState.Open;
                StateChangedAt = now;
                (AcknowledgedBy, AcknowledgedAt, ResolvedBy, ResolvedAt) = (null, null, null, null);
            }
        }

        if (changed)
        {
            UpdatedAt = now;
            Version++;
        }
    }

    /// <summary>
    /// Open → Acknowledged by <paramref name="actor"/>. Acknowledging twice is harmless and keeps the first
    /// acknowledger; a resolved finding cannot be acknowledged.
    /// </summary>
    public bool Acknowledge(DateTime now, string actor)
    {
        if (!MoveTo(FindingState.Acknowledged, now, allowedFrom: [FindingState.Open, FindingState.Acknowledged]))
        {
            return false;
        }

        AcknowledgedBy ??= actor;
        AcknowledgedAt ??= now;
        return true;
    }

    /// <summary>Open or Acknowledged → Resolved by <paramref name="actor"/>. Resolving twice is harmless and keeps the first resolver.</summary>
    public bool Resolve(DateTime now, string actor)
    {
        if (!MoveTo(FindingState.Resolved, now, allowedFrom: [FindingState.Open, FindingState.Acknowledged, FindingState.Resolved]))
        {
            return false;
        }

        ResolvedBy ??= actor;
        ResolvedAt ??= now;
        return true;
    }

    private bool MoveTo(FindingState target, DateTime now, FindingState[] allowedFrom)
    {
        if (!allowedFrom.Contains(State))
        {
            return false;
        }

        if (State != target)
        {
            State = target;
            StateChangedAt = now;
            UpdatedAt = now;
            Version++;
        }

        return true;
    }
}
