using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Rules;

/// <summary>
/// The KB's NOTE: from Smsapm32.exe 2.00.1493.3187 on, APM switches to the Software Installation account
/// before its network calls, so an account defined locally (no domain) may lack the domain rights those
/// calls need. Fires for a machine on a fixed build that runs such an advertisement.
/// </summary>
public static class LocalInstallAccountAfterFixRule
{
    /// <param name="messages">Status messages of one machine for <paramref name="advertisement"/>.</param>
    /// <param name="machineVerdict">The machine's current Q307434 verdict.</param>
    /// <param name="advertisement">The advertisement the messages are about.</param>
    public static Observation? Evaluate(IReadOnlyList<StatusMessage> messages, Verdict machineVerdict, Advertisement advertisement)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(advertisement);
        if (messages.Count == 0 || machineVerdict != Verdict.Fixed || !advertisement.HasLocalInstallationAccount)
        {
            return null;
        }

        var machine = messages[0].MachineName;
        return new Observation(
            RuleNames.LocalInstallAccountAfterFix,
            Keys.MachineAdvertisement(machine, advertisement.AdvertisementId),
            machine,
            advertisement.AdvertisementId,
            messages[0].Domain,
            advertisement.SoftwareInstallationAccount,
            [.. messages.Select(m => EvidenceItem.From(m))]);
    }
}
