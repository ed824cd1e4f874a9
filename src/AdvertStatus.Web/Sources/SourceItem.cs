using AdvertStatus.Core.Sources;

namespace AdvertStatus.Web.Sources;

/// <summary>
/// One site or DC as <c>GET /api/v1/sources</c> and the overview show it: items received (re-sends included, they prove
/// the agent alive), stored, recognised as re-sent, and re-sent with other content under a stored key. <see cref="New"/>
/// marks a site that appeared lately beside older ones (<see cref="SourcesOptions.NewSiteFor"/>): a typo'd site code, or a
/// real new site someone should know about.
/// </summary>
public sealed record SourceItem(
    DataSourceKind Kind, string Name, DateTime FirstReceivedAt, DateTime LastReceivedAt, long ItemsReceived, long ItemsStored, long Duplicates, long Conflicts, bool Silent,
    bool New = false);

/// <summary>The sources, silent ones first, with the threshold they were judged by.</summary>
public sealed record SourceList(IReadOnlyList<SourceItem> Items, TimeSpan SilentAfter, DateTime? LastReceivedAt);
