using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace AdvertStatus.Web.Hosting;

/// <summary>
/// The failures a person starting the app can fix themselves (a bad setting, a port already taken), told in one
/// line with an exit code of their own instead of a hundred lines of stack trace. Anything else is a bug and keeps
/// its stack trace.
/// </summary>
internal static partial class StartupFailure
{
    /// <summary>Something else went wrong: the log has the stack trace.</summary>
    public const int UnexpectedExitCode = 1;

    /// <summary>A setting is missing or invalid.</summary>
    public const int ConfigurationExitCode = 2;

    /// <summary>Another program listens on the address the app was told to use (3 is the demo's refusal).</summary>
    public const int AddressInUseExitCode = 4;

    /// <summary>The one line and exit code for a failure a user can fix, or null for anything else.</summary>
    public static (string Message, int ExitCode)? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid =>
            ($"Configuration error: {string.Join(" ", invalid.Failures.Select(Plain))} Fix it in appsettings.json, an environment variable or a --Section:Key=value argument.",
                ConfigurationExitCode),
        IOException { InnerException: AddressInUseException } inUse =>
            ($"Cannot listen on {AddressOf(inUse.Message)}: another program already uses that port. Stop it, or start AdvertStatus on another port with --urls http://localhost:5080 (or ASPNETCORE_URLS).",
                AddressInUseExitCode),
        AggregateException { InnerExceptions.Count: 1 } single => Describe(single.InnerExceptions[0]),
        _ => null,
    };

    /// <summary>
    /// The host's own reports of the same failure: "Hosting failed to start" with the stack trace, and the
    /// cancellation of background services that a failed start disposes without stopping. Program tells the
    /// failure once, in one line.
    /// </summary>
    public static bool IsHostNoise(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (!logEvent.Properties.TryGetValue("SourceContext", out var source) || source.ToString() != "\"Microsoft.Extensions.Hosting.Internal.Host\"")
        {
            return false;
        }

        return logEvent.MessageTemplate.Text.StartsWith("Hosting failed to start", StringComparison.Ordinal)
            || logEvent.Exception is OperationCanceledException;
    }

    /// <summary>DataAnnotations' "… members: 'Provider' with the error: 'X'." → "X".</summary>
    private static string Plain(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["error"].Value.TrimEnd('.') + "." : failure;

    /// <summary>Kestrel's "Failed to bind to address http://127.0.0.1:5000: address already in use." → the address.</summary>
    private static string AddressOf(string message) =>
        BindFailure().Match(message) is { Success: true } match ? match.Groups["address"].Value : "the configured address";

    [GeneratedRegex("with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    [GeneratedRegex("address (?<address>\\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindFailure();
}
