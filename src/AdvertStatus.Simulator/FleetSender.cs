using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdvertStatus.Simulator;

/// <summary>How a fleet's agents deliver.</summary>
/// <param name="Agents">Agents posting at the same time, each with its share of the batches.</param>
/// <param name="BatchSize">Items per request.</param>
/// <param name="ResendEvery">Every n-th batch is sent a second time, as an agent that lost the 202 would (0: never).</param>
/// <param name="Shuffle">Deliver in a seeded random order instead of the natural one (reference data first).</param>
/// <param name="MessagesPerSecond">Pace the whole fleet to about this many items a second (0: as fast as the server takes them).</param>
/// <param name="Seed">For the shuffle and the choice of agent.</param>
public sealed record DeliveryOptions(int Agents = 4, int BatchSize = 500, int ResendEvery = 20, bool Shuffle = false, int MessagesPerSecond = 0, int Seed = 1);

/// <summary>What a delivery did.</summary>
public sealed record DeliveryReport(int Items, int Requests, int Accepted, int Duplicates, int Retries, TimeSpan Elapsed)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
}

/// <summary>
/// Posts a fleet through the public API as real agents do: batches per route, gzip-encoded, several
/// agents at once, harmless re-sends, and on 429, 503 or a lost connection a retry after the server's
/// <c>Retry-After</c> (or a backoff). A 4xx other than 429 is a bug in the scenario and stops it. It returns once
/// the service has projected everything it acknowledged, so findings can be compared with the ground truth.
/// </summary>
public sealed class FleetSender(HttpClient client)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int MaxAttempts = 8;
    private static readonly TimeSpan ProjectionTimeout = TimeSpan.FromMinutes(5);

    public async Task<DeliveryReport> SendAsync(IReadOnlyList<SimPost> posts, DeliveryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var items = options.Shuffle ? [.. posts.OrderBy(_ => random.Next())] : posts;
        var batches = items
            .GroupBy(p => p.Route)
            .OrderBy(g => options.Shuffle ? random.Next() : Array.IndexOf(NaturalOrder, g.Key))
            .SelectMany(g => g.Chunk(options.BatchSize).Select(chunk => (Route: g.Key, Items: chunk.Select(p => p.Item).ToArray())))
            .ToList();
        if (options.Shuffle)
        {
            batches = [.. batches.OrderBy(_ => random.Next())];
        }

        var queue = new Queue<(string Route, object[] Items)>();
        for (var i = 0; i < batches.Count; i++)
        {
            queue.Enqueue(batches[i]);
            if (options.ResendEvery > 0 && i % options.ResendEvery == options.ResendEvery - 1)
            {
                queue.Enqueue(batches[i]);   // delivered twice: the second answer counts it as duplicates
            }
        }

        int requests = 0, accepted = 0, duplicates = 0, retries = 0;
        long lastSequence = 0;
        var watch = Stopwatch.StartNew();
        var pacer = new Pacer(options.MessagesPerSecond);
        await Task.WhenAll(Enumerable.Range(0, options.Agents).Select(async _ =>
        {
            while (true)
            {
                (string Route, object[] Items) batch;
                lock (queue)
                {
                    if (!queue.TryDequeue(out batch))
                    {
                        return;
                    }
                }

                await pacer.WaitAsync(batch.Items.Length, cancellationToken);
                var (answer, tries) = await PostAsync(batch.Route, batch.Items, cancellationToken);
                Interlocked.Increment(ref requests);
                Interlocked.Add(ref retries, tries);
                Interlocked.Add(ref accepted, answer.Accepted);
                Interlocked.Add(ref duplicates, answer.Duplicates);
                if (answer.Sequence is { } sequence)
                {
                    lock (queue)
                    {
                        lastSequence = Math.Max(lastSequence, sequence);
                    }
                }
            }
        }));

        await WaitForProjectionAsync(lastSequence, cancellationToken);

        return new DeliveryReport(items.Count, requests, accepted, duplicates, retries, watch.Elapsed);
    }

    /// <summary>Reference data first, then what refers to it; the service copes with any order, agents usually keep this one.</summary>
    private static readonly string[] NaturalOrder = [Routes.Domains, Routes.Advertisements, Routes.Inventory, Routes.StatusMessages, Routes.SecurityEvents];

    private async Task<(Answer Answer, int Retries)> PostAsync(string route, object[] items, CancellationToken cancellationToken)
    {
        var body = Gzip(JsonSerializer.SerializeToUtf8Bytes(items, Json));
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                content.Headers.ContentEncoding.Add("gzip");
                using var response = await client.PostAsync(route, content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return ((await response.Content.ReadFromJsonAsync<Answer>(Json, cancellationToken))!, attempt - 1);
                }

                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) && (int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{route} refused a batch with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                wait = response.Headers.RetryAfter?.Delta ?? Backoff(attempt);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                wait = Backoff(attempt);
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"{route}: the server did not take a batch after {MaxAttempts} attempts.");
            }

            await Task.Delay(wait, cancellationToken);
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * (1 << Math.Min(attempt, 6))));

    private static byte[] Gzip(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    private sealed record Answer(int Accepted, int Duplicates, int Conflicts, long? Sequence);

    private sealed record Progress(long ProjectedThrough);

    /// <summary>
    /// Waits until the service has projected every batch it acknowledged (a 202 means stored; findings follow a moment
    /// later), so what the fleet sent can be compared with its ground truth.
    /// </summary>
    private async Task WaitForProjectionAsync(long sequence, CancellationToken cancellationToken)
    {
        if (sequence <= 0)
        {
            return;   // nothing acknowledged waits for projection (reference data only, or an older service)
        }

        var deadline = Stopwatch.StartNew();
        while ((await client.GetFromJsonAsync<Progress>("/api/v1/ingestion/progress", Json, cancellationToken))!.ProjectedThrough < sequence)
        {
            if (deadline.Elapsed > ProjectionTimeout)
            {
                throw new TimeoutException($"The service has not projected batch {sequence} after {ProjectionTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Spaces requests so the fleet sends about the given number of items a second.</summary>
    private sealed class Pacer(int perSecond)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private double _sent;

        public async Task WaitAsync(int items, CancellationToken cancellationToken)
        {
            if (perSecond <= 0)
            {
                return;
            }

            TimeSpan wait;
            lock (_gate)
            {
                _sent += items;
                wait = TimeSpan.FromSeconds(_sent / perSecond) - _clock.Elapsed;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}
