using System.Globalization;
using System.Text;
using System.Text.Json;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// <c>GET /api/v1/findings/stream</c>: Server-Sent Events, one <c>finding</c> event per finding created
/// or changed after the connection opened (or after <c>Last-Event-ID</c>), with the change number as
/// the event id and the finding as <c>/api/v1/findings</c> shows it. Fed from the database, so it
/// carries what every instance commits (see <see cref="FindingFeed"/>).
/// </summary>
internal static class FindingStreamEndpoint
{
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>
    /// A comment at least this often (<c>Findings:StreamKeepAlive</c>, default 15 s) keeps proxies and
    /// load balancers from closing an idle stream.
    /// </summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(15);

    private const int BatchSize = 100;

    public static RouteHandlerBuilder MapFindingStream(this RouteGroupBuilder api) =>
        api.MapGet("/stream", StreamAsync)
            .RequireAuthorization(ApiKeyScopes.Read)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem();

    private static async Task<IResult> StreamAsync(
        HttpContext http, FindingQueries findings, FindingFeed feed, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime, IConfiguration configuration,
        CancellationToken requestAborted)
    {
        var keepAlive = configuration.GetValue("Findings:StreamKeepAlive", DefaultKeepAlive);
        // Open streams end when the app stops, instead of holding its shutdown until the timeout.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        var resumeFrom = http.Request.Headers[LastEventIdHeader].ToString();
        long after;
        if (resumeFrom.Length == 0)
        {
            after = await feed.ReadCurrentAsync(cancellationToken);
        }
        else if (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [LastEventIdHeader] = ["Last-Event-ID must be the id of an event this stream sent (a whole number of 0 or more)."] },
                title: "The Last-Event-ID header is invalid.");
        }

        var sites = Access.SitesOf(http.User);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await WriteAsync(response, "retry: 2000\n: connected\n\n", cancellationToken);

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var upTo = Math.Max(feed.Latest, after);
                var changes = upTo > after ? await findings.ChangesAsync(after, upTo, sites, BatchSize, cancellationToken) : [];
                foreach (var (sequence, item) in changes)
                {
                    var data = JsonSerializer.Serialize(item, json.Value.SerializerOptions);
                    await WriteAsync(response, $"id: {sequence.ToString(CultureInfo.InvariantCulture)}\nevent: finding\ndata: {data}\n\n", cancellationToken);
                }

                // Changes of other sites' findings are skipped, not re-read: the position moves past them.
                after = changes.Count == BatchSize ? changes[^1].Sequence : upTo;
                if (changes.Count == BatchSize)
                {
                    continue;
                }

                if (!await feed.WaitAsync(after, keepAlive, cancellationToken))
                {
                    await WriteAsync(response, ": keep-alive\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }

        return TypedResults.Empty;
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
