namespace AdvertStatus.Core.StatusMessages;

/// <summary>A searchable SMS_StatMsgAttributes pair (400 package, 401 advertisement, 402 collection, 403 user, 404 DP).</summary>
public sealed class MessageAttributeValue
{
    public const int PackageId = 400;
    public const int AdvertisementId = 401;
    public const int CollectionId = 402;
    public const int UserName = 403;
    public const int DistributionPoint = 404;

    public int AttributeId { get; set; }
    public string Value { get; set; } = "";
}
