namespace AdvertStatus.Web.Api;

/// <summary>An unpaged list: <c>{ "items": [...] }</c>.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
