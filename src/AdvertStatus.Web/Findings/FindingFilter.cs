using AdvertStatus.Core.Findings;

namespace AdvertStatus.Web.Findings;

/// <summary>The findings list filters.</summary>
public sealed record FindingFilter(string? Rule = null, FindingState? State = null, string? Machine = null, string? Site = null);
