namespace AdvertStatus.Simulator;

/// <summary>One simulated fleet: what its agents will post, route by route, and what the service must conclude from it.</summary>
/// <param name="Posts">Every item, each for its route, in the order a well-behaved fleet would send them.</param>
/// <param name="Truth">The findings and verdicts the scenario was built to produce.</param>
public sealed record Fleet(IReadOnlyList<SimPost> Posts, GroundTruth Truth);

/// <summary>One item (a JSON object) for one ingestion route.</summary>
public sealed record SimPost(string Route, object Item);

/// <summary>The ingestion routes, as the wire contract names them.</summary>
public static class Routes
{
    public const string StatusMessages = "/api/v1/status-messages";
    public const string SecurityEvents = "/api/v1/security-events";
    public const string Inventory = "/api/v1/inventory";
    public const string Advertisements = "/api/v1/advertisements";
    public const string Domains = "/api/v1/domains";
}
