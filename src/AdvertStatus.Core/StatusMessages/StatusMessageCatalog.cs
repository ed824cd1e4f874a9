namespace AdvertStatus.Core.StatusMessages;

/// <summary>How a status message ended for the program it reports on, for colouring a timeline.</summary>
public enum MessageOutcome
{
    /// <summary>A step on the way: received, started, a restart pending.</summary>
    Progress,

    /// <summary>The program or its uninstall completed successfully.</summary>
    Success,

    /// <summary>The program could not run, or failed.</summary>
    Failure,
}

/// <summary>
/// What the Advertised Programs Manager's message IDs mean (domain.md §3.1), in the words an administrator reads
/// next to the number. IDs the sources do not pin down (10019 to 10021) have no description.
/// </summary>
public static class StatusMessageCatalog
{
    private static readonly Dictionary<int, (string Description, MessageOutcome Outcome)> Messages = new()
    {
        [10000] = ("Data integrity error for the advertisement (its offer file is missing or corrupt)", MessageOutcome.Failure),
        [10001] = ("Data integrity error for the package", MessageOutcome.Failure),
        [10002] = ("Advertisement received", MessageOutcome.Progress),
        [10003] = ("Error while preparing to run the program", MessageOutcome.Failure),
        [10004] = ("The program could not be started", MessageOutcome.Failure),
        [10005] = ("Program started", MessageOutcome.Progress),
        [10006] = ("Program failed (non-zero exit code)", MessageOutcome.Failure),
        [10007] = ("Program failed (its status MIF reported failure)", MessageOutcome.Failure),
        [10008] = ("Program completed successfully (exit code 0)", MessageOutcome.Success),
        [10009] = ("Program completed successfully (its status MIF reported success)", MessageOutcome.Success),
        [10012] = ("Uninstall started", MessageOutcome.Progress),
        [10013] = ("Uninstall failed (non-zero exit code)", MessageOutcome.Failure),
        [10014] = ("Uninstall failed (its status MIF reported failure)", MessageOutcome.Failure),
        [10015] = ("Uninstall succeeded (exit code 0)", MessageOutcome.Success),
        [10016] = ("Uninstall succeeded (its status MIF reported success)", MessageOutcome.Success),
        [10018] = ("Advertisement rejected: the client's platform is not supported", MessageOutcome.Failure),
        [10022] = ("Preliminary success: a restart is pending, a 10008 follows", MessageOutcome.Progress),
    };

    /// <summary>The message's meaning, or null for an ID without a documented one.</summary>
    public static string? Describe(int messageId) => Messages.TryGetValue(messageId, out var message) ? message.Description : null;

    /// <summary>"10008 Program completed successfully (exit code 0)", or "Status 10020" when the ID has no description.</summary>
    public static string Title(int messageId) => Describe(messageId) is { } description ? $"{messageId} {description}" : $"Status {messageId}";

    /// <summary>How the message ended; an unknown ID counts as progress, a failure only when its Win32 error says so.</summary>
    public static MessageOutcome OutcomeOf(int messageId, long? win32Error) =>
        win32Error is { } code and not 0 ? MessageOutcome.Failure
        : Messages.TryGetValue(messageId, out var message) ? message.Outcome
        : MessageOutcome.Progress;
}
