using AdvertStatus.Core.Sources;

namespace AdvertStatus.Web.Sources;

/// <summary>One site or DC as <c>GET /api/v1/sources</c> and the overview show it.</summary>
public sealed record SourceItem(DataSourceKind Kind, string Name, DateTime FirstReceivedAt, DateTime LastReceivedAt, long ItemsReceived, bool Silent);

/// <summary>The sources, silent ones first, with the threshold they were judged by.</summary>
public sealed record SourceList(IReadOnlyList<SourceItem> Items, TimeSpan SilentAfter, DateTime? LastReceivedAt);
