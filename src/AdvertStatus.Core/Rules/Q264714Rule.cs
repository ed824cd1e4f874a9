using AdvertStatus.Core.Findings;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Rules;

/// <summary>
/// 1317 on Windows 95/98/Me: the same number as Q307434 with a different cause. The program is set to
/// use the Windows NT Software Installation account, which Win9x clients cannot use (KB Q264714).
/// A configuration fix, not a hotfix; never reported as Q307434.
/// </summary>
public static class Q264714Rule
{
    public static Observation? Evaluate(StatusMessage message, ClientOsFamily os)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Win32Code == Win32Error.NoSuchUser && os == ClientOsFamily.Windows9x
            ? new Observation(RuleNames.Q264714, Keys.MachineAdvertisement(message), message.MachineName, message.AdvertisementId, message.Domain, null, [EvidenceItem.From(message)])
            : null;
    }
}
