using AdvertStatus.Web.Findings;

namespace AdvertStatus.Web.Notifications;

/// <summary>What one delivery posts: the event name, the finding as the findings API shows it, and its dashboard link.</summary>
/// <param name="DeliveryId">Unique per event and webhook; a retry sends the same.</param>
public sealed record WebhookEvent(string DeliveryId, string Event, FindingItem? Finding, string Url)
{
    public const string Opened = "finding.opened";
    public const string Reopened = "finding.reopened";
    public const string Test = "test";
}
