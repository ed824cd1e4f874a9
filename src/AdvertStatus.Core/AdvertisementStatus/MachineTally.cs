using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.AdvertisementStatus;

/// <summary>The console columns for one machine and one advertisement, and the last message seen.</summary>
public sealed record MachineTally(
    int Received,
    int Failures,
    int ProgramsStarted,
    int ProgramErrors,
    int ProgramSuccess,
    int? LastMessageId,
    DateTime? LastTime,
    long? LastWin32Code)
{
    /// <summary>
    /// Counts the messages of one machine for one advertisement. A run begins at 10005; a second
    /// success message in the same run (two 10008s, or 10008 + 10009, when the program restarts the
    /// computer, KB-272174) counts once. The result depends only on the set of messages, not on the
    /// order they arrived in.
    /// </summary>
    public static MachineTally From(IEnumerable<StatusMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        int received = 0, failures = 0, started = 0, errors = 0, success = 0;
        var succeededThisRun = false;
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

        return new MachineTally(received, failures, started, errors, success, last?.MessageId, last?.Time, last?.Win32Code);
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
