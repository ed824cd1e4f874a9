namespace AdvertStatus.Web.Users;

/// <summary>A user as the admin API and the Settings page list them.</summary>
public sealed record UserItem(string Id, string Email, string Role, bool Disabled, DateTimeOffset? LockedOutUntil, DateTime CreatedAt);
