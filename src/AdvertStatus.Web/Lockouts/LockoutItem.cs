using AdvertStatus.Web.Findings;

namespace AdvertStatus.Web.Lockouts;

/// <summary>One row of <c>GET /api/v1/lockouts</c>: every lockout of one account in one domain.</summary>
public sealed record LockoutItem(
    string? Domain,
    string Account,
    int Count,
    IReadOnlyList<CallerComputerCount> CallerComputers,
    IReadOnlyList<string> DomainControllers,
    DateTime FirstLockout,
    DateTime LastLockout);
