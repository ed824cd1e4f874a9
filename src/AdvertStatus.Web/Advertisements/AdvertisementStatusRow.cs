using CsvHelper;

namespace AdvertStatus.Web.Advertisements;

/// <summary>A row of <c>advertisement-status.csv</c>: the SMS console columns (machines), then the same in messages.</summary>
[CsvRecord]
public sealed partial record AdvertisementStatusRow
{
    public required string AdvertisementId { get; init; }
    public string? PackageName { get; init; }
    public string? ProgramName { get; init; }
    public int Received { get; init; }
    public int Failures { get; init; }
    public int ProgramsStarted { get; init; }
    public int ProgramErrors { get; init; }
    public int ProgramSuccess { get; init; }
    public int ReceivedMessages { get; init; }
    public int FailureMessages { get; init; }
    public int ProgramsStartedMessages { get; init; }
    public int ProgramErrorMessages { get; init; }
    public int ProgramSuccessMessages { get; init; }
}
