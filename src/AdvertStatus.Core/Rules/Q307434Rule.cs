using AdvertStatus.Core.Findings;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Rules;

/// <summary>
/// The Q307434 diagnosis: a workstation that reports 1317 and is, within ±W minutes, the caller computer
/// of an <c>SMSCliToknAcct&amp;</c> lockout or the source workstation of a bad-password event for it.
/// Windows 9x clients are excluded (their 1317 is Q264714). The count is the number of correlated
/// failures; the account events are kept beside them as evidence.
/// </summary>
public static class Q307434Rule
{
    /// <param name="failures">1317 messages of the machines in question, covering ±W around the new data.</param>
    /// <param name="accountEvents">Lockout and bad-password events for the account from those machines, same span.</param>
    /// <param name="osOf">The OS family of a machine (the message's own OS is preferred when it names one).</param>
    /// <param name="settings">The correlation window.</param>
    public static IReadOnlyList<Observation> Evaluate(
        IEnumerable<StatusMessage> failures,
        IEnumerable<SecurityEvent> accountEvents,
        Func<StatusMessage, ClientOsFamily> osOf,
        RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(osOf);
        ArgumentNullException.ThrowIfNull(settings);
        var eventsByMachine = accountEvents
            .Where(e => e.SourceMachine is not null && e.Kind is SecurityEventKind.Lockout or SecurityEventKind.BadPassword && ClientTokenAccount.Matches(e.TargetUserName))
            .GroupBy(e => e.SourceMachine!)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.TimeCreated).ToList());

        var observations = new List<Observation>();
        foreach (var machine in failures.Where(m => m.Win32Code == Win32Error.NoSuchUser).GroupBy(m => m.MachineName))
        {
            if (!eventsByMachine.TryGetValue(machine.Key, out var events))
            {
                continue;
            }

            var evidence = new List<EvidenceItem>();
            var partners = new HashSet<SecurityEvent>();
            foreach (var failure in machine.Where(m => osOf(m) != ClientOsFamily.Windows9x).OrderBy(m => m.Time))
            {
                var near = events.Where(e => (e.TimeCreated - failure.Time).Duration() <= settings.CorrelationWindow).ToList();
                if (near.Count > 0)
                {
                    evidence.Add(EvidenceItem.From(failure));
                    partners.UnionWith(near);
                }
            }

            if (evidence.Count > 0)
            {
                evidence.AddRange(partners.OrderBy(e => e.TimeCreated).Select(e => EvidenceItem.From(e, counts: false)));
                var domain = machine.Select(m => m.Domain).FirstOrDefault(d => d is not null);
                observations.Add(new Observation(RuleNames.Q307434, machine.Key, machine.Key, null, domain, ClientTokenAccount.Name, evidence));
            }
        }

        return observations;
    }
}
