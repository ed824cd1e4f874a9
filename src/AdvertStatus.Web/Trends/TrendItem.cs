namespace AdvertStatus.Web.Trends;

/// <summary>One hourly snapshot as <c>GET /api/v1/trends</c> returns it; <see cref="Site"/> is null for the whole fleet.</summary>
public sealed record TrendItem(
    DateTime Hour,
    string? Site,
    int AffectedWorkstations,
    IReadOnlyDictionary<string, int> OpenFindings,
    int? Lockouts,
    int Fixed,
    int Vulnerable,
    int Unknown,
    double PercentFixed);
