namespace AdvertStatus.Core.StatusMessages;

/// <summary>What <see cref="StatusMessageText.Parse"/> found in a rendered message.</summary>
public sealed record ParsedStatusText(
    string? AdvertisementId,
    string? PackageName,
    string? ProgramName,
    string? SiteCode,
    long? Win32Error,
    long? ExitCode)
{
    public static ParsedStatusText Empty { get; } = new(null, null, null, null, null, null);
}
