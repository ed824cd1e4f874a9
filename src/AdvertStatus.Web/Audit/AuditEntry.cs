namespace AdvertStatus.Web.Audit;

/// <summary>One thing somebody did that changes what the service does or shows, or a failed sign-in.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime Time { get; set; }

    /// <summary><c>user:&lt;email&gt;</c> or <c>key:&lt;name&gt;</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: <c>finding:42</c>, <c>apikey:7</c>, <c>user:ann@example.org</c>, <c>settings:rules</c>.</summary>
    public string? Target { get; set; }

    public string? Detail { get; set; }
}
