namespace AdvertStatus.Web.Ingestion;

/// <summary>The 202 body: <c>{ "accepted": n, "duplicates": d, "conflicts": c }</c>.</summary>
public sealed record IngestionResponse(int Accepted, int Duplicates, int Conflicts)
{
    public static IngestionResponse From(IngestionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Accepted, result.Duplicates, result.Conflicts);
    }
}
