using System.Text.Json.Serialization;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The 202 body: <c>{ "accepted": n, "duplicates": d, "conflicts": c, "sequence": s }</c>. <c>sequence</c> numbers
/// the batch on the routes whose findings and lists follow a moment later (status messages, security events,
/// inventory): they reflect the batch once <c>GET /api/v1/ingestion/progress</c> shows <c>projectedThrough</c> ≥ s.
/// </summary>
public sealed record IngestionResponse(
    int Accepted, int Duplicates, int Conflicts, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Sequence)
{
    public static IngestionResponse From(IngestionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Accepted, result.Duplicates, result.Conflicts, result.Sequence);
    }
}
