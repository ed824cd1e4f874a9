using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Reads ISO 8601 times as UTC <see cref="DateTime"/>: a time with an offset is converted, a time
/// without one is taken as UTC (the contract's rule), never as the server's local time.
/// </summary>
public sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return TryParse(text, out var value) ? value : throw new JsonException("Expected an ISO 8601 date and time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Parses ISO 8601 text to UTC; also used for the times in Windows Event XML.</summary>
    public static bool TryParse(string? text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
