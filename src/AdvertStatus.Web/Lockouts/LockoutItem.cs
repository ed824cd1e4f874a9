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

/// <summary>The lockouts one domain controller logged, with their caller computers.</summary>
public sealed record ControllerLockouts(
    string Controller, string? Domain, int Count, IReadOnlyList<CallerComputerCount> CallerComputers, DateTime FirstLockout, DateTime LastLockout);
