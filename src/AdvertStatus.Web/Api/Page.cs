namespace AdvertStatus.Web.Api;

/// <summary>A page of a list: <c>{ "items": [...], "nextCursor": "..." }</c>; <c>nextCursor</c> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
