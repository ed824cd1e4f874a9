namespace AdvertStatus.Core.AdvertisementStatus;

/// <summary>
/// The console columns for one advertisement on one machine, kept current at ingestion so that the
/// advertisement list sums small rows instead of scanning message history.
/// </summary>
public sealed class AdvertisementMachineStatus
{
    public required string AdvertisementId { get; set; }
    public required string MachineName { get; set; }
    public string? SiteCode { get; set; }
    public int Received { get; set; }
    public int Failures { get; set; }
    public int ProgramsStarted { get; set; }
    public int ProgramErrors { get; set; }
    public int ProgramSuccess { get; set; }
    public int? LastMessageId { get; set; }
    public DateTime? LastTime { get; set; }
    public long? LastWin32Code { get; set; }

    public void Apply(MachineTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        (Received, Failures, ProgramsStarted, ProgramErrors, ProgramSuccess) =
            (tally.Received, tally.Failures, tally.ProgramsStarted, tally.ProgramErrors, tally.ProgramSuccess);
        (LastMessageId, LastTime, LastWin32Code) = (tally.LastMessageId, tally.LastTime, tally.LastWin32Code);
    }
}
