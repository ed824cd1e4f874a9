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

    /// <summary>
    /// Whether the current run's success is already counted: with it the columns are a whole tally that
    /// later messages continue. Null on rows counted before it was kept (they are recounted once).
    /// </summary>
    public bool? SucceededThisRun { get; set; }

    /// <summary>The tally the columns hold, to continue with later messages; null when it is not whole.</summary>
    public MachineTally? CurrentTally => SucceededThisRun is not { } succeeded
        ? null
        : new MachineTally(Received, Failures, ProgramsStarted, ProgramErrors, ProgramSuccess, LastMessageId, LastTime, LastWin32Code, succeeded);

    /// <summary>
    /// The tally of the counted messages and <paramref name="added"/>, without reading the counted ones
    /// again, when that is exact: every added message is later than the last counted one, so counting
    /// continues where it stopped. Null when only a full count is exact: a message from before (or at the
    /// same time as) the last counted one may change the runs around it.
    /// </summary>
    public MachineTally? Continue(IReadOnlyCollection<StatusMessages.StatusMessage> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return CurrentTally is { } current && (current.LastTime is not { } last || added.All(m => m.Time > last))
            ? MachineTally.From(added, current)
            : null;
    }

    /// <summary>
    /// Messages with a time before this have aged out (retention); their tally is kept in the
    /// <c>Aged*</c> columns and every recount continues from it. Null while nothing has aged out.
    /// </summary>
    public DateTime? AgedOutBefore { get; set; }
    public int AgedReceived { get; set; }
    public int AgedFailures { get; set; }
    public int AgedProgramsStarted { get; set; }
    public int AgedProgramErrors { get; set; }
    public int AgedProgramSuccess { get; set; }
    public bool AgedSucceededThisRun { get; set; }
    public int? AgedLastMessageId { get; set; }
    public DateTime? AgedLastTime { get; set; }
    public long? AgedLastWin32Code { get; set; }

    /// <summary>The tally of the aged-out messages, where recounts start; null while nothing has aged out.</summary>
    public MachineTally? AgedTally => AgedOutBefore is null
        ? null
        : new MachineTally(AgedReceived, AgedFailures, AgedProgramsStarted, AgedProgramErrors, AgedProgramSuccess,
            AgedLastMessageId, AgedLastTime, AgedLastWin32Code, AgedSucceededThisRun);

    /// <summary>Keeps <paramref name="aged"/> (the tally of every message before <paramref name="before"/>) as the start of future recounts.</summary>
    public void AgeOut(MachineTally aged, DateTime before)
    {
        ArgumentNullException.ThrowIfNull(aged);
        AgedOutBefore = AgedOutBefore is { } earlier && earlier > before ? earlier : before;
        (AgedReceived, AgedFailures, AgedProgramsStarted, AgedProgramErrors, AgedProgramSuccess, AgedSucceededThisRun) =
            (aged.Received, aged.Failures, aged.ProgramsStarted, aged.ProgramErrors, aged.ProgramSuccess, aged.SucceededThisRun);
        (AgedLastMessageId, AgedLastTime, AgedLastWin32Code) = (aged.LastMessageId, aged.LastTime, aged.LastWin32Code);
    }

    public void Apply(MachineTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        (Received, Failures, ProgramsStarted, ProgramErrors, ProgramSuccess) =
            (tally.Received, tally.Failures, tally.ProgramsStarted, tally.ProgramErrors, tally.ProgramSuccess);
        (LastMessageId, LastTime, LastWin32Code) = (tally.LastMessageId, tally.LastTime, tally.LastWin32Code);
        SucceededThisRun = tally.SucceededThisRun;
    }
}
