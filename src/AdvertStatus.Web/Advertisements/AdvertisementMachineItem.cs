namespace AdvertStatus.Web.Advertisements;

/// <summary>One machine of an advertisement's drill-down: its counts and the last message it sent.</summary>
public sealed record AdvertisementMachineItem(
    string MachineName,
    string? SiteCode,
    int Received,
    int Failures,
    int ProgramsStarted,
    int ProgramErrors,
    int ProgramSuccess,
    int? LastMessageId,
    DateTime? LastTime,
    long? LastWin32Code);
