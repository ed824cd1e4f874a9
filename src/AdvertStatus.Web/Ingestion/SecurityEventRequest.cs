using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion.Validation;

namespace AdvertStatus.Web.Ingestion;

/// <summary>One Windows Security event as JSON (or mapped from Windows Event XML).</summary>
public sealed record SecurityEventRequest
{
    [Required, Range(0, 65535)]
    public int? EventId { get; init; }

    [Required, PlausibleTime]
    public DateTime? TimeCreated { get; init; }

    /// <summary>The DC (or host) that logged the event.</summary>
    [Required, StringLength(Lengths.Name, MinimumLength = 1), VisibleText]
    public string? Computer { get; init; }

    [Required, Range(0, long.MaxValue)]
    public long? EventRecordId { get; init; }

    [StringLength(Lengths.Name), VisibleText] public string? TargetUserName { get; init; }
    [StringLength(Lengths.Name), VisibleText] public string? TargetDomainName { get; init; }
    [StringLength(Lengths.Name)] public string? TargetSid { get; init; }
    [StringLength(Lengths.Name), VisibleText] public string? CallerComputerName { get; init; }
    [StringLength(Lengths.Name), VisibleText] public string? Workstation { get; init; }
    [StringLength(Lengths.Name), VisibleText] public string? WorkstationName { get; init; }
    [StringLength(64)] public string? IpAddress { get; init; }

    [StringLength(64), JsonConverter(typeof(FlexibleStringConverter))]
    public string? Status { get; init; }

    [StringLength(64), JsonConverter(typeof(FlexibleStringConverter))]
    public string? SubStatus { get; init; }

    [Range(0, 100)]
    public int? LogonType { get; init; }

    [StringLength(Lengths.Text)] public string? ProcessName { get; init; }
    [StringLength(Lengths.Name), VisibleText] public string? SubjectUserName { get; init; }
    [StringLength(Lengths.Name), VisibleText] public string? SubjectDomainName { get; init; }

    /// <summary>Positional insertion strings of down-level events (644: %2 is the caller machine).</summary>
    [MaxLength(32), EachStringLength(Lengths.Text), VisibleText]
    public IReadOnlyList<string>? InsertionStrings { get; init; }

    /// <summary>True when the event ID is one AdvertStatus keeps; the others are counted as ignored.</summary>
    public bool IsKept => EventId is { } id && SecurityEventCatalog.KindOf(id) is not null;

    public SecurityEvent ToSecurityEvent(DateTime receivedAt)
    {
        var evt = new SecurityEvent
        {
            EventId = EventId!.Value,
            TimeCreated = TimeCreated!.Value,
            Computer = Computer!,
            EventRecordId = EventRecordId!.Value,
            TargetUserName = Blank(TargetUserName),
            TargetDomainName = Blank(TargetDomainName),
            TargetSid = Blank(TargetSid),
            CallerComputerName = Blank(CallerComputerName),
            Workstation = Blank(Workstation) ?? Blank(WorkstationName),
            IpAddress = Blank(IpAddress),
            Status = Blank(Status),
            SubStatus = Blank(SubStatus),
            LogonType = LogonType,
            ProcessName = Blank(ProcessName),
            SubjectUserName = Blank(SubjectUserName),
            SubjectDomainName = Blank(SubjectDomainName),
            InsertionStrings = [.. InsertionStrings ?? []],
            ReceivedAt = receivedAt,
        };
        SecurityEventFields.Derive(evt);
        return evt;
    }

    /// <summary>Maps an event read from Windows Event XML onto the JSON shape, so both go through one validation.</summary>
    public static SecurityEventRequest FromXml(WindowsEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string? Data(string name) => record.Data.TryGetValue(name, out var value) ? value : null;

        return new SecurityEventRequest
        {
            EventId = int.TryParse(record.EventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
            TimeCreated = UtcDateTimeJsonConverter.TryParse(record.TimeCreated, out var time) ? time : null,
            Computer = record.Computer,
            EventRecordId = long.TryParse(record.EventRecordId, NumberStyles.None, CultureInfo.InvariantCulture, out var recordId) ? recordId : null,
            TargetUserName = Data("TargetUserName"),
            TargetDomainName = Data("TargetDomainName"),
            TargetSid = Data("TargetSid") ?? Data("TargetUserSid"),
            CallerComputerName = Data("CallerComputerName"),
            Workstation = Data("Workstation") ?? Data("WorkstationName"),
            IpAddress = Data("IpAddress"),
            Status = Data("Status"),
            SubStatus = Data("SubStatus"),
            LogonType = int.TryParse(Data("LogonType"), NumberStyles.None, CultureInfo.InvariantCulture, out var logonType) ? logonType : null,
            ProcessName = Data("ProcessName"),
            SubjectUserName = Data("SubjectUserName"),
            SubjectDomainName = Data("SubjectDomainName"),
            InsertionStrings = record.InsertionStrings,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
