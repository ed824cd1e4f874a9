using System.Text.Json.Serialization;

namespace AdvertStatus.Web.Ingestion;

/// <summary>The 202 body of the security-events route, which also counts event IDs it does not keep.</summary>
public sealed record SecurityEventsResponse(
    int Accepted, int Duplicates, int Conflicts, int Ignored, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Sequence)
{
    public static SecurityEventsResponse From(IngestionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Accepted, result.Duplicates, result.Conflicts, result.Ignored, result.Sequence);
    }
}
