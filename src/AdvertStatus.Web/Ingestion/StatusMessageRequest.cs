using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion.Validation;

namespace AdvertStatus.Web.Ingestion;

/// <summary>One status message as an agent posts it to <c>/api/v1/status-messages</c>.</summary>
public sealed record StatusMessageRequest : IValidatableObject
{
    [Required, StringLength(Lengths.RecordId, MinimumLength = 1)]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? RecordId { get; init; }

    [Required, NetBiosName]
    public string? MachineName { get; init; }

    [Required, SiteCode]
    public string? SiteCode { get; init; }

    [Required, PlausibleTime]
    public DateTime? Time { get; init; }

    [Required, Range(0, 65535)]
    public int? MessageId { get; init; }

    /// <summary><c>Informational</c>/<c>Warning</c>/<c>Error</c>, or the numeric forms, signed or unsigned.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Severity { get; init; }

    [StringLength(Lengths.Text)]
    public string? Component { get; init; }

    [StringLength(Lengths.Text)]
    public string? ModuleName { get; init; }

    /// <summary>Decimal, <c>0x</c>-hex, or an HRESULT (0x8007xxxx unwraps to xxxx).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Win32Error { get; init; }

    [MaxLength(IngestionLimits.MaxInsertionStrings), EachStringLength(Lengths.Text)]
    public IReadOnlyList<string>? InsertionStrings { get; init; }

    [MaxLength(100)]
    public IReadOnlyList<MessageAttributeRequest>? Attributes { get; init; }

    [StringLength(Lengths.ObjectId)]
    public string? AdvertisementId { get; init; }

    [StringLength(Lengths.ObjectId)]
    public string? PackageId { get; init; }

    [StringLength(Lengths.Text)]
    public string? PackageName { get; init; }

    [StringLength(Lengths.Text)]
    public string? ProgramName { get; init; }

    [StringLength(Lengths.ObjectId)]
    public string? CollectionId { get; init; }

    [StringLength(Lengths.LongText)]
    public string? Text { get; init; }

    [StringLength(Lengths.Name)]
    public string? ClientOs { get; init; }

    [StringLength(Lengths.Name), VisibleText]
    public string? Domain { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Severity is not null && !SeverityParser.TryParse(Severity, out _))
        {
            yield return new ValidationResult(
                "The severity field must be Informational, Warning or Error, or 1073741824, 2147483648, 3221225472 (or their signed forms).",
                [nameof(Severity)]);
        }

        if (Win32Error is not null && !Core.StatusMessages.Win32Error.TryParse(Win32Error, out _))
        {
            yield return new ValidationResult(
                "The win32Error field must be a 32-bit decimal or 0x-hexadecimal number.",
                [nameof(Win32Error)]);
        }
    }

    /// <summary>Maps a validated request to the stored message and derives its fields.</summary>
    public StatusMessage ToStatusMessage(DateTime receivedAt)
    {
        var message = new StatusMessage
        {
            RecordId = RecordId!.Trim(),
            MachineName = MachineNames.Normalize(MachineName!),
            SiteCode = SiteCodes.Normalize(SiteCode!),
            Time = Time!.Value,
            ReceivedAt = receivedAt,
            MessageId = MessageId!.Value,
            Severity = SeverityParser.TryParse(Severity, out var severity) ? severity : null,
            Component = Component,
            ModuleName = ModuleName,
            Win32Error = Core.StatusMessages.Win32Error.TryParse(Win32Error, out var raw) ? raw : null,
            AdvertisementId = AdvertisementId,
            PackageId = PackageId,
            PackageName = PackageName,
            ProgramName = ProgramName,
            CollectionId = CollectionId,
            Text = Text,
            ClientOs = ClientOs,
            Domain = Domain?.Trim().ToUpperInvariant(),
            InsertionStrings = [.. InsertionStrings ?? []],
            Attributes = [.. (Attributes ?? []).Select(a => new MessageAttributeValue { AttributeId = a.Id!.Value, Value = a.Value ?? "" })],
        };
        StatusMessageFields.Derive(message);
        return message;
    }
}
