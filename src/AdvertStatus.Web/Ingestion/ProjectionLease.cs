namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The one row that makes one instance the projector of a database. The holder renews it in every projection
/// transaction, whose row lock keeps any other instance's projection out until that transaction ends; a holder
/// that stops renewing loses it when it expires, and another instance takes over.
/// </summary>
public sealed class ProjectionLease
{
    public const string Projector = "projector";

    public required string Name { get; set; }

    /// <summary>The instance holding it (host name and process id), or null before the first projection.</summary>
    public string? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The highest batch sequence projected so far: the progress clients wait on when nothing is pending.</summary>
    public long ProjectedThrough { get; set; }
}
