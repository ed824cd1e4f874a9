
namespace AdvertStatus.Web.ApiKeys;

/// <summary>The answer to creating a key: the only time <see cref="Key"/> is shown.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Key, IReadOnlyList<string> Scopes, IReadOnlyList<string>? Sites, DateTime CreatedAt);
