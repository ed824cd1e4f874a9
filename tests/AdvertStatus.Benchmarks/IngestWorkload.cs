using System.Globalization;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// Status messages as agents send them, in one of two shapes, with what the service must conclude from them
/// (the findings and every advertisement's console columns), so a run can be checked for lost or doubled items.
/// </summary>
internal sealed record IngestWorkload(
    string Shape, IReadOnlyList<Dictionary<string, object?>> Messages, IReadOnlyDictionary<string, int> FindingsByMachine, IReadOnlyDictionary<string, IngestWorkload.AdvertTruth> Adverts)
{
    public int ExpectedFindings => FindingsByMachine.Values.Sum();

    /// <summary>The console columns an advertisement must show, counting machines.</summary>
    internal sealed record AdvertTruth(int Received, int Failures, int ProgramsStarted, int ProgramErrors, int ProgramSuccess);

    public static IngestWorkload Of(string shape, int total, string prefix, int machines = 5_000) => shape switch
    {
        "runs" => Runs(total, prefix),
        "forwarder" => Forwarder(total, prefix, machines),
        _ => throw new ArgumentException($"Unknown shape {shape}: runs or forwarder.", nameof(shape)),
    };

    /// <summary>
    /// The shape of one workstation agent per machine: each machine's run of one advertisement in consecutive
    /// items (10002 → 10005 → 10008 → 10008), 125 machines per 500-item batch; one machine in twenty reports
    /// 10003 with error 1317 instead of its second success.
    /// </summary>
    private static IngestWorkload Runs(int total, string prefix)
    {
        var start = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        var messages = new List<Dictionary<string, object?>>(total);
        var machines = total / 4;
        for (var i = 0; i < machines * 4; i++)
        {
            var machine = i / 4;
            var step = i % 4;
            var fails = machine % 20 == 0 && step == 3;
            messages.Add(Message(prefix, machine, i.ToString(CultureInfo.InvariantCulture), start.AddSeconds(i % 86_400),
                fails ? 10003 : step switch { 0 => 10002, 1 => 10005, _ => 10008 }, "LAB20001", "Windows 2000 Professional"));
        }

        var failing = (machines + 19) / 20;
        var findings = Enumerable.Range(0, machines).Where(m => m % 20 == 0).ToDictionary(m => Name(prefix, m), _ => 1);
        var adverts = new Dictionary<string, AdvertTruth>
        {
            // A failing machine reported received, started and one success before its 1317: it counts in every column it reported.
            ["LAB20001"] = new(machines, failing, machines, 0, machines),
        };
        return new IngestWorkload("runs", messages, findings, adverts);
    }

    /// <summary>
    /// The shape of a site server's forwarder: what the site database received, in time order. A site of
    /// <paramref name="machines"/> workstations (5,000 by default: a large SMS 2.0 site) runs advertisements at
    /// times spread over a day, each machine as many of twelve as the total allows, so a 500-item batch holds
    /// messages of hundreds of machines, advertisements are interleaved and a machine's messages fall in many
    /// batches. One pair in twenty fails with 1317 three times; one machine in ten runs Windows 98, where the
    /// same code raises Q264714 as well.
    /// </summary>
    private static IngestWorkload Forwarder(int total, string prefix, int machines)
    {
        var start = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
        var random = new Random(307434);
        string[] adverts = [.. Enumerable.Range(1, 12).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 3) switch { 0 => "LAB", 1 => "NYC", _ => "SFO" }}2{i:0000}"))];
        machines = Math.Min(machines, total / 4);
        var runsPerMachine = Math.Clamp(total / 4 / machines, 1, adverts.Length);
        var timed = new List<(DateTime Time, Dictionary<string, object?> Message)>(machines * runsPerMachine * 4);
        var truth = adverts.ToDictionary(a => a, _ => new int[5]);
        var findings = new Dictionary<string, int>();
        for (var machine = 0; machine < machines; machine++)
        {
            var os = machine % 10 == 3 ? "Windows 98" : "Windows 2000 Professional";
            var offset = random.Next(adverts.Length);
            for (var run = 0; run < runsPerMachine; run++)
            {
                var advert = (offset + run) % adverts.Length;
                var begins = start.AddSeconds(random.Next(20 * 3600));
                var fails = random.Next(20) == 0;
                int[] ids = fails ? [10002, 10003, 10003, 10003] : [10002, 10005, 10008, 10008];
                for (var step = 0; step < 4; step++)
                {
                    var time = begins.AddMinutes(step == 0 ? 0 : step * 7 + random.Next(5));
                    var recordId = string.Create(CultureInfo.InvariantCulture, $"{adverts[advert]}-{step}");
                    timed.Add((time, Message(prefix, machine, recordId, time, ids[step], adverts[advert], os)));
                }

                var columns = truth[adverts[advert]];
                columns[0]++;
                if (fails)
                {
                    columns[1]++;
                    findings[Name(prefix, machine)] = findings.GetValueOrDefault(Name(prefix, machine)) + (os == "Windows 98" ? 2 : 1);   // Error1317, and Q264714 on Windows 98
                }
                else
                {
                    columns[2]++;
                    columns[4]++;
                }
            }
        }

        var messages = timed.OrderBy(t => t.Time).ThenBy(t => (string)t.Message["machineName"]!, StringComparer.Ordinal).Select(t => t.Message).ToList();
        return new IngestWorkload("forwarder", messages, findings,
            truth.Where(t => t.Value[0] > 0).ToDictionary(t => t.Key, t => new AdvertTruth(t.Value[0], t.Value[1], t.Value[2], t.Value[3], t.Value[4])));
    }

    private static string Name(string prefix, int machine) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{machine:0000000}");

    private static Dictionary<string, object?> Message(string prefix, int machine, string recordId, DateTime time, int messageId, string advert, string os)
    {
        var fails = messageId == 10003;
        return new()
        {
            ["recordId"] = recordId,
            ["machineName"] = Name(prefix, machine),
            ["siteCode"] = (machine % 3) switch { 0 => "LAB", 1 => "NYC", _ => "SFO" },
            ["time"] = time,
            ["messageId"] = messageId,
            ["severity"] = fails ? "Error" : "Informational",
            ["win32Error"] = fails ? 1317 : 0,
            ["insertionStrings"] = new[] { advert, "LAB", "", "Office 2000", "Setup" },
            ["clientOs"] = os,
        };
    }
}
