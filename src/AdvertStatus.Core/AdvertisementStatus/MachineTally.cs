using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.AdvertisementStatus;

/// <summary>
/// The console columns for one machine and one advertisement, the last message seen, and whether the
/// current run already counted its success (so a tally can be continued where it stopped).
/// </summary>
public sealed record MachineTally(
    int Received,
    int Failures,
    int ProgramsStarted,
    int ProgramErrors,
    int ProgramSuccess,
    int? LastMessageId,
    DateTime? LastTime,
    long? LastWin32Code,
    bool SucceededThisRun = false)
{
    /// <summary>
    /// Counts the messages of one machine for one advertisement. A run begins at 10005; a second
    /// success message in the same run (two 10008s, or 10008 + 10009, when the program restarts the
    /// computer, KB-272174) counts once. The result depends only on the set of messages, not on the
    /// order they arrived in.
    /// </summary>
    /// <param name="messages">The messages to count.</param>
    /// <param name="start">
    /// The tally of earlier messages that are no longer stored (retention folded them in): counting
    /// continues from it, so purging old messages changes no column.
    /// </param>
    public static MachineTally From(IEnumerable<StatusMessage> messages, MachineTally? start = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        int received = start?.Received ?? 0, failures = start?.Failures ?? 0, started = start?.ProgramsStarted ?? 0,
            errors = start?.ProgramErrors ?? 0, success = start?.ProgramSuccess ?? 0;
        var succeededThisRun = start?.SucceededThisRun ?? false;
        StatusMessage? last = null;
        foreach (var message in messages.Where(m => StatusColumns.ColumnOf(m.MessageId) is not null).OrderBy(m => m.Time).ThenBy(m => m.Id))
        {
            last = message;
            switch (StatusColumns.ColumnOf(message.MessageId))
            {
                case StatusColumn.Received:
                    received++;
                    break;
                case StatusColumn.Failures:
                    failures++;
                    break;
                case StatusColumn.ProgramsStarted:
                    started++;
                    succeededThisRun = false;
                    break;
                case StatusColumn.ProgramErrors:
                    errors++;
                    break;
                case StatusColumn.ProgramSuccess when !succeededThisRun:
                    success++;
                    succeededThisRun = true;
                    break;
                default:
                    break;
            }
        }

        return last is null
            ? new MachineTally(received, failures, started, errors, success, start?.LastMessageId, start?.LastTime, start?.LastWin32Code, succeededThisRun)
            : new MachineTally(received, failures, started, errors, success, last.MessageId, last.Time, last.Win32Code, succeededThisRun);
    }

    public int CountOf(StatusColumn column) => column switch
    {
        StatusColumn.Received => Received,
        StatusColumn.Failures => Failures,
        StatusColumn.ProgramsStarted => ProgramsStarted,
        StatusColumn.ProgramErrors => ProgramErrors,
        _ => ProgramSuccess,
    };
}
