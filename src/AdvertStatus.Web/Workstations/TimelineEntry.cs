using System.Globalization;
using AdvertStatus.Core.StatusMessages;
using MudBlazor;

namespace AdvertStatus.Web.Workstations;

/// <summary>One line of a workstation's timeline: a status message, a security event naming it, or an inventory snapshot.</summary>
public sealed record TimelineEntry(DateTime Time, string Title, string Detail, Color Color)
{
    public static IReadOnlyList<TimelineEntry> From(WorkstationDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var entries = new List<TimelineEntry>();
        entries.AddRange(detail.StatusMessages.Select(m => new TimelineEntry(
            m.Time,
            string.Create(CultureInfo.InvariantCulture, $"{StatusMessageCatalog.Title(m.MessageId)}{(m.Win32Code is { } code and not 0 ? $" · error {code}" : "")}"),
            m.Text ?? $"{m.AdvertisementId} {m.PackageName} {m.ProgramName}".Trim(),
            StatusMessageCatalog.OutcomeOf(m.MessageId, m.Win32Code) switch
            {
                MessageOutcome.Failure => Color.Error,
                MessageOutcome.Success => Color.Success,
                _ => Color.Info,
            })));
        entries.AddRange(detail.SecurityEvents.Select(e => new TimelineEntry(
            e.TimeCreated,
            string.Create(CultureInfo.InvariantCulture, $"{(e.Kind == "Lockout" ? "Lockout" : e.Kind == "BadPassword" ? "Bad password" : "Unlock")} {e.EventId} on {e.Computer}"),
            $"{e.TargetUserName} ({e.AccountDomain ?? "domain unknown"}){(e.Status is null ? "" : $" status {e.Status}")}",
            e.Kind == "Lockout" ? Color.Error : Color.Warning)));
        entries.AddRange(detail.Inventory.Select(i => new TimelineEntry(
            i.Time, "Inventory", $"Smsapm32.exe {i.Smsapm32Version ?? "not reported"} ({i.Verdict}) · {i.ClientOs}", Color.Default)));
        return [.. entries.OrderByDescending(e => e.Time)];
    }
}
