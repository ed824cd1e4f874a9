using System.Globalization;
using System.Text.Json;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Ingestion.Validation;
using AdvertStatus.Web.Reports;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// BenchmarkDotNet micro-benchmarks of the hot path's pieces, with allocations: a 500-item JSON batch
/// read and validated as the endpoint does, the status-text parser, one rule step, one CSV row.
/// In-process, so the project's settings (no tiering) hold and no child project is built.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs instance methods.")]
public class MicroBenchmarks
{
    private const int CsvRows = 1_000;

    private const string FailureText =
        "An error occurred while preparing to run the program for advertisement \"LAB20001\" (\"Office 2000\" - \"Setup\"). " +
        "The operating system reported error 1317. The specified user does not exist.";

    private static readonly JsonSerializerOptions AgentJson = new(JsonSerializerDefaults.Web);

    private byte[] _batch = [];
    private IServiceProvider _services = default!;
    private StatusMessage _failure = default!;
    private SecurityEvent _lockout = default!;
    private FindingRow _row = default!;

    public static void Run(string[] args)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile);
        BenchmarkSwitcher.FromTypes([typeof(MicroBenchmarks)]).Run(args, config);
    }

    [GlobalSetup]
    public void SetUp()
    {
        var time = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        _batch = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, 500).Select(i => new
        {
            recordId = i.ToString(CultureInfo.InvariantCulture),
            machineName = string.Create(CultureInfo.InvariantCulture, $"W{i / 4:0000000}"),
            siteCode = "LAB",
            time = time.AddSeconds(i),
            messageId = i % 80 == 0 ? 10003 : 10008,
            severity = i % 80 == 0 ? "Error" : "Informational",
            win32Error = i % 80 == 0 ? "0x80070525" : "0",
            insertionStrings = new[] { "LAB20001", "LAB", "", "Office 2000", "Setup" },
            attributes = new[] { new { id = 401, value = "LAB20001" } },
            clientOs = "Windows 2000 Professional",
        }), AgentJson);
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider();

        _failure = new StatusMessage
        {
            RecordId = "1", MachineName = "W0000001", SiteCode = "LAB", Time = time, ReceivedAt = time, MessageId = 10003,
            Win32Error = 1317, AdvertisementId = "LAB20001", ClientOs = "Windows 2000 Professional", Text = FailureText,
        };
        StatusMessageFields.Derive(_failure);
        _lockout = new SecurityEvent
        {
            EventId = 644, TimeCreated = time.AddMinutes(2), Computer = "DC1", EventRecordId = 1,
            TargetUserName = "SMSCliToknAcct&", TargetDomainName = "W0000001", CallerComputerName = "W0000001", ReceivedAt = time,
        };
        SecurityEventFields.Derive(_lockout);
        _row = new FindingRow
        {
            Id = 1, Rule = RuleNames.Q307434, State = nameof(FindingState.Open), MachineName = "W0000001", AdvertisementId = "LAB20001",
            Domain = "CORP", Account = "SMSCliToknAcct&", Count = 3, FirstSeen = time, LastSeen = time,
            Summary = "=1317 correlated with 2 lockouts, \"SMSCliToknAcct&\" on DC1", AcknowledgedBy = "user:admin@corp.example", AcknowledgedAt = time,
        };
    }

    [Benchmark(Description = "500-item JSON batch: read + validate + map")]
    public async Task<int> ParseAndValidateBatch()
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(_batch, writable: false);
        var items = await BatchBodyReader.ReadJsonAsync<StatusMessageRequest>(http.Request, IngestionJson.Options, CancellationToken.None);
        var errors = ItemValidator.Validate(items, _services);
        var received = DateTime.UtcNow;
        return errors.Count + items.Select(i => i.ToStatusMessage(received)).Count();
    }

    [Benchmark(Description = "status text parser, one 10003 text")]
    public ParsedStatusText ParseText() => StatusMessageText.Parse(FailureText);

    [Benchmark(Description = "rule step: Error1317 on one message")]
    public Observation? Error1317Step() => Error1317Rule.Evaluate(_failure);

    [Benchmark(Description = "rule step: Q307434 for one machine (1 failure, 1 lockout)")]
    public IReadOnlyList<Observation> Q307434Step() =>
        Q307434Rule.Evaluate([_failure], [_lockout], _ => ClientOsFamily.WindowsNT, RuleSettings.Default);

    [Benchmark(Description = "findings.csv: one row", OperationsPerInvoke = CsvRows)]
    public async Task CsvRow()
    {
        await using var csv = CsvWriter.Create(Stream.Null, CsvReport.Options, leaveOpen: true);
        await csv.WriteRecordsAsync(Enumerable.Repeat(_row, CsvRows), CancellationToken.None);
        await csv.FlushAsync(CancellationToken.None);
    }
}
