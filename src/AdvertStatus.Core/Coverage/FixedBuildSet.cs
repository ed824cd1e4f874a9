namespace AdvertStatus.Core.Coverage;

/// <summary>
/// The builds that contain a fix, as inclusive version ranges. Membership is the only test: SMS
/// version numbers are not monotonic with respect to Q307434 (post-SP3 2.00.1493.3187–3999 is fixed,
/// plain SP4 2.00.1493.4xxx is numerically higher and is not), so never compare with a plain <c>&gt;=</c>.
/// </summary>
public sealed class FixedBuildSet
{
    /// <summary>The Q307434 default: the post-SP3 hotfix line. Add the SP4 Hotfix Rollup build once known.</summary>
    public static readonly IReadOnlyList<string> Q307434Default = ["2.00.1493.3187-2.00.1493.3999"];

    private readonly List<(FileVersion From, FileVersion To)> _ranges;

    private FixedBuildSet(List<(FileVersion, FileVersion)> ranges) => _ranges = ranges;

    public IReadOnlyList<(FileVersion From, FileVersion To)> Ranges => _ranges;

    /// <summary>
    /// Parses ranges written as <c>from-to</c> or a single version. Returns false with a message for
    /// the first entry that is not of that form.
    /// </summary>
    public static bool TryParse(IEnumerable<string> entries, out FixedBuildSet set, out string? error)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ranges = new List<(FileVersion, FileVersion)>();
        set = new FixedBuildSet(ranges);
        error = null;
        foreach (var entry in entries)
        {
            var parts = entry.Split('-', 2, StringSplitOptions.TrimEntries);
            if (!FileVersion.TryParse(parts[0], out var from) || !FileVersion.TryParse(parts.Length == 2 ? parts[1] : parts[0], out var to) || to < from)
            {
                error = $"'{entry}' is not a version or an ascending 'from-to' range of four-part versions.";
                return false;
            }

            ranges.Add((from, to));
        }

        return true;
    }

    public static FixedBuildSet Parse(IEnumerable<string> entries) =>
        TryParse(entries, out var set, out var error) ? set : throw new FormatException(error);

    /// <summary>The verdict for an inventoried Smsapm32.exe version (null or unreadable: Unknown).</summary>
    public Verdict VerdictFor(string? version) =>
        !FileVersion.TryParse(version, out var parsed) ? Verdict.Unknown
        : _ranges.Any(r => parsed >= r.From && parsed <= r.To) ? Verdict.Fixed
        : Verdict.Vulnerable;
}
