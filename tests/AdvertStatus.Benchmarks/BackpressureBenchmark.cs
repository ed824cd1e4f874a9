using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// Memory under a flood of large requests: 16, 64 and 128 agents each post a 5,000-item batch at once to a new app
/// process. The app's peak resident memory must not grow with the number of waiting requests: those it cannot take are
/// refused with 503 and Retry-After before their bodies are read. Prints the peak per size, the answers, and whether
/// every answer was a 202 or a 503 with Retry-After.
/// </summary>
internal static class BackpressureBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string[] args)
    {
        var items = Cli.Option(args, "--items", 5_000);
        var peaks = new Dictionary<int, double>();
        foreach (var agents in new[] { 16, 64, 128 })
        {
            await using var app = await AppProcess.StartAsync();
            var bodies = Enumerable.Range(0, agents)
                .Select(a => JsonSerializer.SerializeToUtf8Bytes(IngestWorkload.Of("forwarder", items, string.Create(CultureInfo.InvariantCulture, $"B{a:000}"), 1_000).Messages, Json))
                .ToArray();
            var idle = app.MemoryMegabytes();
            using var client = app.CreateClient();
            var answers = await Task.WhenAll(bodies.Select(async body =>
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(new Uri("/api/v1/status-messages", UriKind.Relative), content);
                return (response.StatusCode, RetryAfter: response.Headers.RetryAfter is not null);
            }));
            peaks[agents] = app.PeakMemoryMegabytes();
            var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Accepted);
            var refused = answers.Count(a => a.StatusCode == HttpStatusCode.ServiceUnavailable && a.RetryAfter);
            Cli.Print($"backpressure.{agents}.idle_mb", idle);
            Cli.Print($"backpressure.{agents}.peak_mb", peaks[agents]);
            Cli.Print($"backpressure.{agents}.accepted", accepted);
            Cli.Print($"backpressure.{agents}.refused_503_with_retry_after", refused);
            Console.WriteLine($"target.backpressure.{agents}.every_answer_202_or_503: " + (accepted + refused == agents ? "met" : $"MISSED ({agents - accepted - refused} other answers)"));
        }

        Cli.Print("backpressure.peak_growth_16_to_128_mb", peaks[128] - peaks[16]);
        Cli.AtMost("backpressure.peak_growth_16_to_128_mb", peaks[128] - peaks[16], 150);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {items:N0}-item batches (~{items * 280 / 1_000_000.0:0.0} MB of JSON each), all agents at once, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
    }
}
