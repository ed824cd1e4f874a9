using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Benchmarks;

/// <summary><c>dotnet run -c Release --project tests/AdvertStatus.Benchmarks -- rules</c>.</summary>
internal static class RulesBenchmark
{
    public static async Task RunAsync()
    {
        // Quick benchmark of the rules' cost. Every figure is printed beside a baseline measured in the same run,
        // so the ratios mean something on any machine; absolute times only describe this one.
        const int BatchSize = 500;
        const int Batches = 12;
        const int HistoryBatches = 20;   // 20 x 5,000 = 100,000 stored messages
        var now = DateTime.UtcNow.AddHours(-1);
        var report = new StringBuilder();
        void Line(string text)
        {
            Console.WriteLine(text);
            report.AppendLine(text);
        }

        Line($"# AdvertStatus rules benchmark ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {RuntimeInformationText()})");
        Line("");

        // A console app has no test-project metadata telling WebApplicationFactory where the web project is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADVERTSTATUS_WEB", Path.Combine(Repository.Root, "src", "AdvertStatus.Web"));
        await using var app = new BenchmarkApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkApp.Key);

        var record = 0;
        object Message(string machine, int messageId, DateTime time, bool fails) => new
        {
            recordId = (++record).ToString(CultureInfo.InvariantCulture),
            machineName = machine,
            siteCode = "LAB",
            time,
            messageId,
            win32Error = fails ? 1317 : 0,
            insertionStrings = new[] { "LAB20001", "LAB", "", "Office 2000", "Setup" },
            clientOs = "Windows 2000 Professional",
        };
        object Lockout(string caller, DateTime time) => new
        {
            eventId = 4740, timeCreated = time, computer = "DC01", eventRecordId = ++record,
            targetUserName = "SMSCliToknAcct&", targetDomainName = caller, subjectDomainName = "CORP",
        };

        async Task PostAsync(string route, object body)
        {
            var response = await client.PostAsJsonAsync(route, body);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        // Microseconds per message over `batches` batches of `BatchSize`, after one warm-up batch.
        async Task<double> IngestAsync(string prefix, int batches, bool fails)
        {
            double total = 0;
            for (var b = -1; b < batches; b++)
            {
                var machines = Enumerable.Range(0, BatchSize).Select(i => $"{prefix}{b + 1:00}{i:000}").ToArray();
                var messages = machines.Select(m => Message(m, fails ? 10003 : 10002, now, fails)).ToArray();
                if (fails)
                {
                    // One lockout per ten failing machines, so Q307434 and RepeatedLockout fire too.
                    await PostAsync("/api/v1/security-events", machines.Where((_, i) => i % 10 == 0).Select(m => Lockout(m, now.AddMinutes(1))).ToArray());
                }

                var watch = Stopwatch.StartNew();
                await PostAsync("/api/v1/status-messages", messages);
                if (b >= 0)
                {
                    total += watch.Elapsed.TotalMicroseconds;
                }
            }

            return total / (batches * BatchSize);
        }

        var baseline = await IngestAsync("B", Batches, fails: false);
        var withRules = await IngestAsync("R", Batches, fails: true);

        // Grow the history to 100,000 stored messages (all on other machines), then ingest the same kind of batch again.
        for (var h = 0; h < HistoryBatches; h++)
        {
            var batch = Enumerable.Range(0, 5000).Select(i => Message($"H{h:00}{i % 1000:000}", 10003, now.AddMinutes(-i % 50), fails: true)).ToArray();
            await PostAsync("/api/v1/status-messages", batch);
        }

        var afterHistory = await IngestAsync("A", Batches, fails: true);

        // Pure Core cost per message: the rules alone against normalisation alone.
        var message = new StatusMessage { RecordId = "1", MachineName = "WKS01", SiteCode = "LAB", MessageId = 10003, Time = now, Win32Error = 0x80070525, Text = "An error occurred while preparing to run the program for advertisement \"LAB20001\" (\"Office 2000\" - \"Setup\"). The operating system reported error 1317." };
        var lockout = new SecurityEvent { Id = 2, EventId = 4740, Computer = "DC01", TimeCreated = now, TargetUserName = "SMSCliToknAcct&", TargetDomainName = "WKS01" };
        SecurityEventFields.Derive(lockout);
        var derive = Measure(() => StatusMessageFields.Derive(message));
        var rules = Measure(() =>
        {
            Error1317Rule.Evaluate(message);
            Q264714Rule.Evaluate(message, ClientOsFamily.WindowsNT);
            Q307434Rule.Evaluate([message], [lockout], _ => ClientOsFamily.WindowsNT, RuleSettings.Default);
            RepeatedLockoutRule.Evaluate("CORP", [lockout, lockout, lockout], RuleSettings.Default);
        });

        Line("| measurement | per message | ratio | against |");
        Line("|---|---:|---:|---|");
        Line(Row("ingest over HTTP, no rule fires (10002)", baseline, 1, "itself (baseline)"));
        Line(Row("ingest over HTTP, every rule fires (10003/1317 + lockouts)", withRules, withRules / baseline, "no rule fires"));
        Line(Row($"same, after {HistoryBatches * 5000:N0} more stored messages", afterHistory, afterHistory / withRules, "same batch on a near-empty database"));
        Line(Row("Core: normalise one message (baseline)", derive, 1, "itself (baseline)"));
        Line(Row("Core: Error1317 + Q264714 + Q307434 + RepeatedLockout", rules, rules / derive, "normalising the message"));
        Line("");
        Line($"Batches of {BatchSize} messages, {Batches} measured batches per row after one warm-up; SQLite file in WAL mode; Release build.");

        var output = Path.Combine(Repository.Root, "docs", "performance", "rules-benchmark.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine($"written to {output}");
    }


    static double Measure(Action action)
    {
        for (var i = 0; i < 10_000; i++)
        {
            action();
        }

        var watch = Stopwatch.StartNew();
        const int Runs = 100_000;
        for (var i = 0; i < Runs; i++)
        {
            action();
        }

        return watch.Elapsed.TotalMicroseconds / Runs;
    }

    static string Row(string name, double micros, double ratio, string against) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {micros:N1} µs | {ratio:N2}x | {against} |");

    static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
