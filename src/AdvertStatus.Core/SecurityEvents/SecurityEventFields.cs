using System.Globalization;
using AdvertStatus.Core.Machines;

namespace AdvertStatus.Core.SecurityEvents;

/// <summary>
/// Derives what the rules need from the differently shaped lockout and logon-failure events.
/// The traps it exists for: a 644 names its caller machine in insertion string 2, while a 4740
/// puts the Caller Computer Name into the field called <c>TargetDomainName</c>.
/// </summary>
public static class SecurityEventFields
{
    /// <summary>Fills named fields from positional strings, then <see cref="SecurityEvent.Kind"/>,
    /// <see cref="SecurityEvent.SourceMachine"/> and <see cref="SecurityEvent.AccountDomain"/>.</summary>
    public static void Derive(SecurityEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);

        FillFromInsertionStrings(evt);
        evt.Computer = evt.Computer.Trim().ToUpperInvariant();
        evt.Kind = SecurityEventCatalog.KindOf(evt.EventId)
            ?? throw new ArgumentException($"Event {evt.EventId} is not a stored security event.", nameof(evt));

        evt.AccountKey = Rules.ClientTokenAccount.KeyOf(evt.TargetUserName);
        switch (evt.EventId)
        {
            case 4740:
                // The XML field TargetDomainName *is* the Caller Computer Name; the account's domain is the
                // domain of the DC account that performed the lockout (the Subject).
                evt.CallerComputerName ??= evt.TargetDomainName;
                evt.SourceMachine = MachineNames.FromEventField(evt.CallerComputerName);
                evt.AccountDomain = Domain(evt.SubjectDomainName);
                break;
            case 644:
                evt.SourceMachine = MachineNames.FromEventField(evt.CallerComputerName);
                evt.AccountDomain = Domain(evt.TargetDomainName) ?? Domain(evt.SubjectDomainName);
                break;
            default:
                evt.SourceMachine = MachineNames.FromEventField(evt.Workstation) ?? MachineNames.FromEventField(evt.CallerComputerName);
                evt.AccountDomain = Domain(evt.TargetDomainName);
                break;
        }
    }

    private static void FillFromInsertionStrings(SecurityEvent evt)
    {
        var s = evt.InsertionStrings;
        string? At(int number) => s.Count >= number && !string.IsNullOrWhiteSpace(s[number - 1]) ? s[number - 1].Trim() : null;

        switch (evt.EventId)
        {
            case 644: // Target Account Name %1, Caller Machine Name %2, Target SID %3, Caller User %4, Caller Domain %5
                evt.TargetUserName ??= At(1);
                evt.CallerComputerName ??= At(2);
                evt.TargetSid ??= At(3);
                evt.SubjectUserName ??= At(4);
                evt.SubjectDomainName ??= At(5);
                break;
            case 529: // User %1, Domain %2, Logon Type %3, Logon Process %4, Auth Package %5, Workstation %6
                evt.TargetUserName ??= At(1);
                evt.TargetDomainName ??= At(2);
                evt.LogonType ??= int.TryParse(At(3), NumberStyles.None, CultureInfo.InvariantCulture, out var logonType) ? logonType : null;
                evt.Workstation ??= At(6);
                break;
            case 675: // User %1, User ID %2, Service %3, Pre-Auth Type %4, Failure Code %5, Client Address %6
                evt.TargetUserName ??= At(1);
                evt.TargetSid ??= At(2);
                evt.Status ??= At(5);
                evt.IpAddress ??= At(6);
                break;
            case 681: // "The logon to account %1 by %2 from workstation %3 failed. The error code was %4"
                evt.TargetUserName ??= At(1);
                evt.Workstation ??= At(3);
                evt.Status ??= At(4);
                break;
            case 671: // Target Account Name %1, Target Domain %2
                evt.TargetUserName ??= At(1);
                evt.TargetDomainName ??= At(2);
                break;
            default:
                break;
        }
    }

    private static string? Domain(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == "-" ? null : value.Trim().ToUpperInvariant();
}
