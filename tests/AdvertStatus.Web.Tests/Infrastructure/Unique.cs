namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>Names no other test uses, so tests sharing one app never see each other's data.</summary>
public static class Unique
{
    /// <summary>A NetBIOS-valid machine name: the prefix plus 8 hex digits (max 15 characters).</summary>
    public static string Machine(string prefix = "WKS") => (prefix + Guid.NewGuid().ToString("N")[..8]).ToUpperInvariant();

    public static string Id() => Guid.NewGuid().ToString("N")[..12];

    public static long Number() => Random.Shared.NextInt64(1, long.MaxValue / 2);
}
