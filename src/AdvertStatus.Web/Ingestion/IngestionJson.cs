using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdvertStatus.Web.Ingestion;

/// <summary>The JSON settings for ingestion bodies: camelCase, lenient about case, unknown properties ignored.</summary>
internal static class IngestionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new UtcDateTimeJsonConverter(), new JsonStringEnumConverter() },
    };
}
