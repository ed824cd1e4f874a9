using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using AdvertStatus.Simulator;

namespace AdvertStatus.Web.Tests.Simulator;

/// <summary>The simulator's agents behave like real ones toward a busy server: gzip bodies, and a retry only after Retry-After.</summary>
public class FleetSenderTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_busy_server_is_asked_again_only_after_its_Retry_After(HttpStatusCode busy)
    {
        var server = new BusyOnceServer(busy, TimeSpan.FromSeconds(1));
        using var client = new HttpClient(server) { BaseAddress = new Uri("http://advertstatus.test") };
        var posts = new[] { new SimPost(Routes.StatusMessages, new { recordId = "1" }) };

        var watch = Stopwatch.StartNew();
        var report = await new FleetSender(client).SendAsync(posts, new DeliveryOptions(Agents: 1, ResendEvery: 0), TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (report.Retries, report.Accepted));
        Assert.True(server.Gap >= TimeSpan.FromSeconds(0.95), $"Retried after {server.Gap.TotalMilliseconds:0} ms.");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal("[{\"recordId\":\"1\"}]", server.LastBody);
    }

    [Fact]
    public async Task A_refused_batch_stops_the_delivery_with_the_servers_answer()
    {
        var server = new BusyOnceServer(HttpStatusCode.BadRequest, TimeSpan.Zero);
        using var client = new HttpClient(server) { BaseAddress = new Uri("http://advertstatus.test") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new FleetSender(client).SendAsync(
            [new SimPost(Routes.StatusMessages, new { recordId = "1" })], new DeliveryOptions(Agents: 1, ResendEvery: 0), TestContext.Current.CancellationToken));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_ends_once_the_service_has_projected_every_batch_it_acknowledged()
    {
        var server = new BusyOnceServer(HttpStatusCode.Accepted, TimeSpan.Zero) { ProjectedAfterPolls = 3 };
        using var client = new HttpClient(server) { BaseAddress = new Uri("http://advertstatus.test") };

        await new FleetSender(client).SendAsync([new SimPost(Routes.StatusMessages, new { recordId = "1" })], new DeliveryOptions(Agents: 1, ResendEvery: 0), TestContext.Current.CancellationToken);

        Assert.Equal(3, server.ProgressPolls);
    }

    /// <summary>
    /// Answers the first batch with <paramref name="first"/> (and Retry-After), every later one with 202 and sequence 7; the
    /// progress route reports batch 7 projected from its <see cref="ProjectedAfterPolls"/>th call on.
    /// </summary>
    private sealed class BusyOnceServer(HttpStatusCode first, TimeSpan retryAfter) : HttpMessageHandler
    {
        private DateTime? _firstAt;

        public TimeSpan Gap { get; private set; }
        public string LastBody { get; private set; } = "";
        public int ProjectedAfterPolls { get; init; } = 1;
        public int ProgressPolls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/api/v1/ingestion/progress")
            {
                ProgressPolls++;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"{{\"projectedThrough\":{(ProgressPolls >= ProjectedAfterPolls ? 7 : 6)}}}") };
            }

            Assert.Equal("gzip", Assert.Single(request.Content!.Headers.ContentEncoding));
            await using var gzip = new GZipStream(await request.Content.ReadAsStreamAsync(cancellationToken), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            LastBody = await reader.ReadToEndAsync(cancellationToken);
            if (_firstAt is null && first != HttpStatusCode.Accepted)
            {
                _firstAt = DateTime.UtcNow;
                var refusal = new HttpResponseMessage(first) { Content = new StringContent("{\"status\":" + (int)first + "}") };
                refusal.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
                return refusal;
            }

            Gap = DateTime.UtcNow - (_firstAt ?? DateTime.UtcNow);
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{\"accepted\":1,\"duplicates\":0,\"conflicts\":0,\"sequence\":7}") };
        }
    }
}
