using AdvertStatus.Core.Findings;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// The findings list filters; <see cref="AcknowledgedBy"/> is an actor as the audit names it
/// (<c>user:&lt;email&gt;</c> or <c>key:&lt;name&gt;</c>); <see cref="Sites"/> is the caller's site limit (null: every site).
/// <see cref="ActiveFrom"/> and <see cref="ActiveUntil"/> keep the findings whose first-to-last-seen span
/// overlaps [from, until): what was going on in a period, also when it began before it.
/// </summary>
public sealed record FindingFilter(
    string? Rule = null, FindingState? State = null, string? Machine = null, string? Site = null, IReadOnlySet<string>? Sites = null, string? AcknowledgedBy = null,
    DateTime? ActiveFrom = null, DateTime? ActiveUntil = null);
