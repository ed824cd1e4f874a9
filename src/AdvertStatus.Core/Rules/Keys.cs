using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Rules;

/// <summary>Finding keys, built in one place so that every rule and query agrees on them.</summary>
public static class Keys
{
    public static string MachineAdvertisement(StatusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return MachineAdvertisement(message.MachineName, message.AdvertisementId);
    }

    public static string MachineAdvertisement(string machine, string? advertisementId) => $"{machine}|{advertisementId ?? "-"}";

    public static string DomainAccount(string domain, string account) => $"{domain}|{account}";
}
