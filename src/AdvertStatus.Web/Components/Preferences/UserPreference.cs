namespace AdvertStatus.Web.Components.Preferences;

/// <summary>One remembered choice of one user (which list columns to show), so it follows them to every browser and instance.</summary>
public sealed class UserPreference
{
    public required string UserId { get; set; }

    /// <summary>What it is about, such as <c>workstations.columns</c>.</summary>
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTime UpdatedAt { get; set; }
}
