namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The row that makes one instance the projector of a database (and, named <see cref="Webhooks"/>, the one that
/// delivers webhooks). The holder renews it in every projection
/// transaction, whose row lock keeps any other instance's projection out until that transaction ends; a holder
/// that stops renewing loses it when it expires, and another instance takes over.
/// </summary>
public sealed class ProjectionLease
{
    public const string Projector = "projector";

    /// <summary>The webhook deliverer's lease: with several instances one of them sends each event.</summary>
    public const string Webhooks = "webhooks";

    public required string Name { get; set; }

    /// <summary>The instance holding it (host name and process id), or null before the first projection.</summary>
    public string? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The highest batch sequence projected so far: the progress clients wait on when nothing is pending.</summary>
    public long ProjectedThrough { get; set; }
}
