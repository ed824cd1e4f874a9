using System.Text;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>A Server-Sent Events client for the tests: reads events (and comments) from an open response as they arrive.</summary>
public sealed class EventSource : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventSource(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Comment lines (<c>: …</c>) seen so far, in order.</summary>
    public List<string> Comments { get; } = [];

    /// <summary>Opens <paramref name="route"/> and returns once the headers are in; the caller checks the status first.</summary>
    public static async Task<(HttpResponseMessage Response, EventSource? Stream)> OpenAsync(HttpClient client, string route, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode ? (response, new EventSource(response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))) : (response, null);
    }

    /// <summary>The next event, or a <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<ServerSentEvent> NextAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        string? id = null, name = null;
        var data = new StringBuilder();
        try
        {
            while (await _reader.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        return new ServerSentEvent(id, name ?? "message", data.ToString());
                    }

                    continue;
                }

                if (line.StartsWith(':'))
                {
                    Comments.Add(line[1..].Trim());
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No event within {timeout.TotalSeconds:0.#} s.");
        }

        throw new InvalidOperationException("The stream ended.");
    }

    /// <summary>Reads until a comment equal to <paramref name="comment"/> has arrived.</summary>
    public async Task WaitForCommentAsync(string comment, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (!Comments.Contains(comment) && await _reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].Trim());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One event of a stream.</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);
