using AdvertStatus.Core.Findings;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// A finding opened or re-opened, numbered by the change feed: what notifications (webhooks) follow. Written in the
/// same commit as the finding (<see cref="FindingChangeNumbering"/>), so an opening is never lost and never
/// recorded for a change that rolled back.
/// </summary>
public sealed class FindingOpening
{
    /// <summary>The finding's change number in the commit that opened it: unique, and in commit order.</summary>
    public long Sequence { get; set; }

    public long FindingId { get; set; }

    /// <summary>Set when the opening is recorded, so a new finding's id is filled in when the save assigns it.</summary>
    public Finding? Finding { get; set; }

    /// <summary>True when a resolved finding re-opened; false when the finding was created.</summary>
    public bool Reopened { get; set; }

    public DateTime OpenedAt { get; set; }
}
