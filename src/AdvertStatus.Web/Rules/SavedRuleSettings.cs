namespace AdvertStatus.Web.Rules;

/// <summary>
/// The rule thresholds an Admin saved. One row (id 1); while there is none, configuration (<c>Rules:*</c>) decides.
/// Kept in the database so that every instance applies a change without a restart.
/// </summary>
public sealed class SavedRuleSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int LockoutThreshold { get; set; }
    public int LockoutWindowMinutes { get; set; }
    public int CorrelationWindowMinutes { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
