namespace AdvertStatus.Web.Notifications;

/// <summary>
/// Where finding openings are posted, and how far delivery has got: the cursor and the retry state live here, in
/// the database, so a restart or another instance continues where the last delivery stopped.
/// </summary>
public sealed class Webhook
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }

    /// <summary><see cref="WebhookFormats"/>: json, slack or teams.</summary>
    public required string Format { get; set; }

    /// <summary>The HMAC key of the signature header; never shown or logged after creation. Null: unsigned.</summary>
    public string? Secret { get; set; }

    /// <summary>Rule names whose openings are sent; empty: every rule.</summary>
    public IList<string> Rules { get; set; } = [];

    /// <summary>Site codes whose openings are sent; empty: every site (and the domain-wide lockout findings).</summary>
    public IList<string> Sites { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The change number of the last opening delivered or passed over: the cursor.</summary>
    public long DeliveredThrough { get; set; }

    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }

    /// <summary>When the event after the cursor first failed (wall clock); null while nothing is failing.</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>Failed attempts at the event after the cursor.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time (wall clock): the backoff, or the receiver's Retry-After.</summary>
    public DateTime? NextAttemptAt { get; set; }
}

/// <summary>The body formats a webhook can post.</summary>
public static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";
    public const string Teams = "teams";

    public static IReadOnlyList<string> All { get; } = [Json, Slack, Teams];
}
