using System.Globalization;

namespace AdvertStatus.Simulator;

/// <summary>
/// <c>dotnet run --project src/AdvertStatus.Simulator -- --url http://localhost:5000 --api-key KEY
/// [--machines 2000] [--seed 307434] [--rate 0] [--agents 4] [--shuffle] [--truth truth.json]</c>:
/// generates the fleet, writes its ground truth, posts it like real agents and prints what it did.
/// </summary>
public static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var url = Option("--url", "");
        var key = Option("--api-key", Environment.GetEnvironmentVariable("ADVERTSTATUS_API_KEY") ?? "");
        if (url.Length == 0 || key.Length == 0 || args.Contains("--help"))
        {
            await Console.Error.WriteLineAsync("usage: AdvertStatus.Simulator --url <server> --api-key <key with the ingest scope> [--machines 2000] [--seed 307434] [--rate <items/s>] [--agents 4] [--shuffle] [--truth truth.json]");
            return 2;
        }

        var fleet = FleetGenerator.Generate(Number("--seed", 307434), Number("--machines", 2000), DateTime.UtcNow.AddHours(-22));
        var truthPath = Option("--truth", "advertstatus-truth.json");
        await fleet.Truth.WriteAsync(truthPath, CancellationToken.None);

        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        DeliveryReport report;
        try
        {
            report = await new FleetSender(client).SendAsync(fleet.Posts, new DeliveryOptions(
                Agents: Number("--agents", 4), MessagesPerSecond: Number("--rate", 0), Shuffle: args.Contains("--shuffle")), CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"The fleet could not be delivered to {url}: {ex.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Items:N0} items in {report.Requests:N0} requests ({report.Accepted:N0} accepted, {report.Duplicates:N0} duplicates from re-sends, {report.Retries} retries) in {report.Elapsed.TotalSeconds:0.0} s: {report.ItemsPerSecond:N0} items/s"));
        Console.WriteLine($"{fleet.Truth.Findings.Count} findings expected; ground truth written to {Path.GetFullPath(truthPath)}");
        return 0;
    }
}
