using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Ingestion;

/// <summary>A status message attribute: <c>{ "id": 401, "value": "LAB20001" }</c>.</summary>
public sealed record MessageAttributeRequest
{
    [Required, Range(0, int.MaxValue)]
    public int? Id { get; init; }

    [StringLength(Lengths.Text)]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Value { get; init; }
}
