namespace AdvertStatus.Core.AdvertisementStatus;

/// <summary>The SMS Administrator console's Advertisement Status columns.</summary>
public enum StatusColumn
{
    Received = 1,
    Failures = 2,
    ProgramsStarted = 3,
    ProgramErrors = 4,
    ProgramSuccess = 5,
}
