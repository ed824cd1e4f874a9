using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>One request the receiver got: its path, headers and exact body bytes, and what it answered.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered, TimeSpan At)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A real HTTP server on loopback (Kestrel, a free port) that records every request and answers what the test says:
/// by default 200; <see cref="Respond"/> decides per request (its number from 1 and path), and may also delay.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The answer to request number n (from 1) at a path: a status, extra headers, and how long to wait first.</summary>
    public Func<int, string, (int Status, Dictionary<string, string>? Headers, TimeSpan Delay)> Respond { get; set; } = (_, _) => (200, null, TimeSpan.Zero);

    public string BaseUrl { get; private set; } = "";

    public string Url(string path = "/hook") => BaseUrl + path;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver.BaseUrl = app.Urls.Single().TrimEnd('/');
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var number = Interlocked.Increment(ref _count);
        var (status, headers, delay) = Respond(number, http.Request.Path);
        var received = new ReceivedRequest(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            body.ToArray(), status, _clock.Elapsed);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;   // the sender gave up: not an answered request
            }
        }

        _requests.Enqueue(received);
        http.Response.StatusCode = status;
        foreach (var (name, value) in headers ?? [])
        {
            http.Response.Headers[name] = value;
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the requests so far; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(Func<IReadOnlyList<ReceivedRequest>, bool> done, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!done(Requests))
        {
            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds} s for {what}; got {Requests.Count} request(s): {string.Join("; ", Requests.Select(r => $"{r.Path} {r.Answered} {r.Header("X-AdvertStatus-Delivery")}"))}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
