using AdvertStatus.Core.Findings;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Rules;

/// <summary>Any status message whose normalised Win32 code is 1317 (1317, 0x525, 0x80070525 all count); one finding per machine + advertisement.</summary>
public static class Error1317Rule
{
    public static Observation? Evaluate(StatusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Win32Code == Win32Error.NoSuchUser
            ? new Observation(RuleNames.Error1317, Keys.MachineAdvertisement(message), message.MachineName, message.AdvertisementId, message.Domain, null, [EvidenceItem.From(message)])
            : null;
    }
}
