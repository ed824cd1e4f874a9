using System.Text.Json;

namespace AdvertStatus.Simulator;

/// <summary>
/// What the scenario was built to produce, written beside the posts: every finding as
/// <c>rule|machine|advertisement</c> (a domain-wide lockout finding as <c>rule||domain</c>), the hotfix
/// verdict of every workstation, and how many machines of each story there are.
/// </summary>
public sealed record GroundTruth(
    IReadOnlyList<string> Findings,
    IReadOnlyDictionary<string, string> Verdicts,
    IReadOnlyDictionary<string, int> Stories,
    int Machines,
    int Seed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The key of a finding about a machine (and an advertisement, for the per-advertisement rules).</summary>
    public static string MachineFinding(string rule, string machine, string? advertisement) => $"{rule}|{machine}|{advertisement}";

    /// <summary>The key of a domain-wide finding (repeated lockouts of the token account).</summary>
    public static string DomainFinding(string rule, string domain) => $"{rule}||{domain}";

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken);
    }
}
