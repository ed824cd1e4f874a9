using AdvertStatus.Core.Findings;
using AdvertStatus.Core.SecurityEvents;

namespace AdvertStatus.Core.Rules;

/// <summary>
/// At least N lockouts (644/4740) of <c>SMSCliToknAcct&amp;</c> in one domain within T minutes. A lockout
/// counts when it lies in some span of at most T that holds N or more lockouts, which does not depend
/// on the order the events arrive in.
/// </summary>
public static class RepeatedLockoutRule
{
    /// <summary>
    /// Evaluates the lockouts of one domain + account. <paramref name="lockouts"/> must hold every stored
    /// lockout of that key within T of the new ones, so that any qualifying span is complete.
    /// </summary>
    public static Observation? Evaluate(string domain, IReadOnlyList<SecurityEvent> lockouts, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(lockouts);
        ArgumentNullException.ThrowIfNull(settings);
        var ordered = lockouts.Where(e => e.Kind == SecurityEventKind.Lockout && ClientTokenAccount.Matches(e.TargetUserName))
            .OrderBy(e => e.TimeCreated).ThenBy(e => e.Id).ToList();

        var qualifying = new HashSet<SecurityEvent>();
        var start = 0;
        for (var end = 0; end < ordered.Count; end++)
        {
            while (ordered[end].TimeCreated - ordered[start].TimeCreated > settings.LockoutWindow)
            {
                start++;
            }

            if (end - start + 1 >= settings.LockoutThreshold)
            {
                qualifying.UnionWith(ordered.Skip(start).Take(end - start + 1));
            }
        }

        return qualifying.Count == 0
            ? null
            : new Observation(RuleNames.RepeatedLockout, Keys.DomainAccount(domain, ClientTokenAccount.Name), null, null, domain, ClientTokenAccount.Name,
                [.. qualifying.OrderBy(e => e.TimeCreated).Select(e => EvidenceItem.From(e))]);
    }
}
