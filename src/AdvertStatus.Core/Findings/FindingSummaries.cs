using System.Globalization;
using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Rules;

namespace AdvertStatus.Core.Findings;

/// <summary>
/// One-paragraph explanations of findings for people: what was seen, what it means per the KB, and
/// what to do. Built at read time so that they reflect the machine's current build.
/// </summary>
public static class FindingSummaries
{
    public static string Describe(Finding finding, Verdict? machineVerdict, string? smsapm32Version)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var count = finding.Count.ToString(CultureInfo.InvariantCulture);
        var advert = finding.AdvertisementId ?? "an unknown advertisement";
        return finding.Rule switch
        {
            RuleNames.Error1317 =>
                $"{finding.MachineName} reported Win32 error 1317 (the specified user does not exist) {count} time(s) for {advert}.",
            RuleNames.Q264714 =>
                $"{finding.MachineName} is a Windows 9x client reporting 1317 for {advert}: the program is set to use the Windows NT "
                + "Software Installation account, which Windows 95/98 cannot use (KB Q264714). Clear \"Use Windows NT client software "
                + "installation account\" for this program or target NT-family clients only. This is not Q307434 and no hotfix applies.",
            RuleNames.RepeatedLockout =>
                $"{finding.Account} in domain {finding.Domain} was locked out {count} time(s) in repeated bursts. While it is locked, every "
                + "advertised program that uses the Software Installation account fails. Find the caller computers below and check them for Q307434.",
            RuleNames.Q307434 =>
                $"{finding.MachineName} reports 1317 while it locks out or fails logons as {ClientTokenAccount.Name}: the Q307434 pattern "
                + "(APM authenticates to a second DC with the local token account). " + Remedy(machineVerdict, smsapm32Version),
            RuleNames.LocalInstallAccountAfterFix =>
                $"{finding.MachineName} runs a fixed Smsapm32.exe and {advert} uses the local Software Installation account '{finding.Account}'. "
                + "Since build 2.00.1493.3187 APM switches to that account before its network calls, and a local account may lack the domain "
                + "rights they need (KB Q307434 NOTE). Use a domain account.",
            _ => $"{finding.Rule}: {count} occurrence(s).",
        };
    }

    private static string Remedy(Verdict? verdict, string? version) => verdict switch
    {
        Verdict.Fixed => $"It now runs a fixed build ({version}); if failures continue after the upgrade, look for another cause.",
        Verdict.Vulnerable => $"It runs Smsapm32.exe {version}, which does not contain the fix (plain SP4 does not either). "
            + HotfixCatalog.Q307434.Remedy,
        _ => "Its Smsapm32.exe version is unknown (no inventory yet). " + HotfixCatalog.Q307434.Remedy,
    };
}
