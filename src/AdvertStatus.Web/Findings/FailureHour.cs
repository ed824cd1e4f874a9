namespace AdvertStatus.Web.Findings;

/// <summary>
/// How many 10003/1317 failures happened in one hour (by the message's time), counted as they arrive:
/// one per status message linked to an Error1317 finding, which happens once per message. The overview's
/// hourly chart reads a week of these rows, whatever the traffic, where counting evidence made it grow
/// with the fleet (docs/performance.md).
/// </summary>
public sealed class FailureHour
{
    public DateTime Hour { get; set; }
    public int Error1317Failures { get; set; }
}
