using System.Globalization;
using System.Xml;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Ingestion.Validation;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Ingestion API v1. Every route takes one item, a JSON array or NDJSON (gzip allowed), validates the whole batch
/// first, and answers 202 only after the batch is durably committed: all or nothing. Status messages, security
/// events and inventory are then projected onto findings and lists a moment later (ADR 0011): the answer's
/// <c>sequence</c> is reflected once <c>GET /api/v1/ingestion/progress</c> shows <c>projectedThrough</c> ≥ it, or
/// at once for a request that asks to wait (<c>Prefer: wait=5</c>, RFC 7240).
/// </summary>
public static class IngestionEndpoints
{
    /// <summary>The longest <c>Prefer: wait</c> honoured.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyScopes.Ingest)
            .RequireRateLimiting(Throttling.IngestPerKeyPolicy)
            // The one admission of the instance for every route (AddEndpointFilter<T> would make one per route).
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<IngestionAdmission>().InvokeAsync(context, next))
            .WithTags("Ingestion")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/status-messages", ReceiveStatusMessagesAsync)
            .Accepts<StatusMessageRequest[]>("application/json", BatchBodyReader.NdJson);
        api.MapPost("/security-events", ReceiveSecurityEventsAsync)
            .Accepts<SecurityEventRequest[]>("application/json", BatchBodyReader.NdJson, "application/xml");
        api.MapPost("/inventory", ReceiveInventoryAsync)
            .Accepts<InventoryRequest[]>("application/json", BatchBodyReader.NdJson);
        api.MapPost("/advertisements", ReceiveAdvertisementsAsync)
            .Accepts<AdvertisementRequest[]>("application/json", BatchBodyReader.NdJson);
        api.MapPost("/domains", ReceiveDomainsAsync)
            .Accepts<DomainRequest[]>("application/json", BatchBodyReader.NdJson);

        app.MapGet("/api/v1/ingestion/progress", GetProgressAsync)
            .RequireAuthorization(SecurityServiceExtensions.IngestOrReadPolicy)
            .WithTags("Ingestion");
        return app;
    }

    private static Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveStatusMessagesAsync(
        HttpContext http, StatusIngestor ingestor, TimeProvider clock, IngestionProgress progress, CancellationToken cancellationToken) =>
        ReceiveAsync(http, clock, progress, ReadJsonAsync<StatusMessageRequest>, i => i.SiteCode,
            (items, now) => ingestor.IngestAsync([.. items.Select(i => i.ToStatusMessage(now))], Access.SitesOf(http.User), now, cancellationToken),
            IngestionResponse.From, cancellationToken);

    private static Task<Results<Accepted<SecurityEventsResponse>, ProblemHttpResult>> ReceiveSecurityEventsAsync(
        HttpContext http, SecurityEventIngestor ingestor, TimeProvider clock, IngestionProgress progress, CancellationToken cancellationToken) =>
        ReceiveAsync(http, clock, progress, (request, ct) => BatchBodyReader.IsXml(request) ? ReadEventXmlAsync(request, ct) : ReadJsonAsync<SecurityEventRequest>(request, ct),
            siteOf: null,
            (items, now) =>
            {
                var kept = items.Where(i => i.IsKept).Select(i => i.ToSecurityEvent(now)).ToList();
                return ingestor.IngestAsync(kept, items.Count - kept.Count, now, cancellationToken);
            },
            SecurityEventsResponse.From, cancellationToken);

    private static Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveInventoryAsync(
        HttpContext http, InventoryIngestor ingestor, TimeProvider clock, IngestionProgress progress, CancellationToken cancellationToken) =>
        ReceiveAsync(http, clock, progress, ReadJsonAsync<InventoryRequest>, i => i.SiteCode,
            (items, now) => ingestor.IngestAsync([.. items.Select(i => i.ToInventoryReport(now))], Access.SitesOf(http.User), now, cancellationToken),
            IngestionResponse.From, cancellationToken);

    private static Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveAdvertisementsAsync(
        HttpContext http, ReferenceDataIngestor ingestor, TimeProvider clock, IngestionProgress progress, CancellationToken cancellationToken) =>
        ReceiveAsync(http, clock, progress, ReadJsonAsync<AdvertisementRequest>, i => i.SiteCode,
            (items, now) => ingestor.IngestAdvertisementsAsync([.. items.Select(i => i.ToAdvertisement(now))], Access.SitesOf(http.User), cancellationToken),
            IngestionResponse.From, cancellationToken);

    private static Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveDomainsAsync(
        HttpContext http, ReferenceDataIngestor ingestor, TimeProvider clock, IngestionProgress progress, CancellationToken cancellationToken) =>
        ReceiveAsync(http, clock, progress, ReadJsonAsync<DomainRequest>, siteOf: null,
            (items, now) => ingestor.IngestDomainsAsync([.. items.Select(i => i.ToDomain(now))], cancellationToken),
            IngestionResponse.From, cancellationToken);

    private static async Task<Ok<IngestionProgressResponse>> GetProgressAsync(IngestionProgress progress, CancellationToken cancellationToken) =>
        TypedResults.Ok(await progress.ReadAsync(cancellationToken));

    /// <summary>
    /// What every route does, in order: read the body, refuse it if any item is invalid or outside the key's sites,
    /// store it, honour a <c>Prefer: wait</c>, answer 202.
    /// </summary>
    /// <param name="siteOf">An item's site; null for DC data (security events, domains), which a site-limited key may not send at all.</param>
    private static async Task<Results<Accepted<TResponse>, ProblemHttpResult>> ReceiveAsync<TItem, TResponse>(
        HttpContext http, TimeProvider clock, IngestionProgress progress,
        Func<HttpRequest, CancellationToken, Task<IReadOnlyList<TItem>>> read, Func<TItem, string?>? siteOf,
        Func<IReadOnlyList<TItem>, DateTime, Task<IngestionResult>> ingest, Func<IngestionResult, TResponse> respond, CancellationToken cancellationToken)
        where TItem : class
    {
        var items = await read(http.Request, cancellationToken);
        if (Reject(items, http, siteOf is null ? null : items.Select(siteOf)) is { } rejection)
        {
            return rejection;
        }

        var result = await ingest(items, clock.GetUtcNow().UtcDateTime);
        if (result.Sequence is { } sequence && PreferredWait(http.Request) is { } wait
            && await progress.WaitAsync(sequence, wait, cancellationToken))
        {
            http.Response.Headers["Preference-Applied"] = string.Create(CultureInfo.InvariantCulture, $"wait={(int)wait.TotalSeconds}");
        }

        return TypedResults.Accepted((string?)null, respond(result));
    }

    private static Task<IReadOnlyList<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken) =>
        BatchBodyReader.ReadJsonAsync<T>(request, IngestionJson.Options, cancellationToken);

    /// <summary>The <c>wait</c> preference of a <c>Prefer</c> header (RFC 7240): how long the client would like the answer to wait for the projection.</summary>
    private static TimeSpan? PreferredWait(HttpRequest request)
    {
        foreach (var preference in request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (NameValueHeaderValue.TryParse(preference, out var parsed) && parsed.Name.Equals("wait", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parsed.Value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, MaxWait.TotalSeconds));
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<SecurityEventRequest>> ReadEventXmlAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<WindowsEventRecord> records;
        try
        {
            using var text = await BatchBodyReader.ReadTextAsync(request, cancellationToken);
            records = WindowsEventXml.Parse(text);
        }
        catch (XmlException ex)
        {
            throw BatchBodyReader.Malformed(ex);
        }

        BatchBodyReader.EnsureItemCount(records.Count);
        return [.. records.Select(SecurityEventRequest.FromXml)];
    }

    /// <summary>
    /// The batch-level checks every route shares, in order: not empty, every item valid, every site allowed.
    /// <paramref name="siteCodes"/> is null for DC data (security events, domains), which is not site data:
    /// a site-limited key may not send it at all.
    /// </summary>
    private static ProblemHttpResult? Reject<T>(IReadOnlyList<T> items, HttpContext http, IEnumerable<string?>? siteCodes)
        where T : class
    {
        if (items.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The batch is empty.",
                detail: "Send one item or a non-empty array of items.");
        }

        var errors = ItemValidator.Validate(items, http.RequestServices);
        if (errors.Count > 0)
        {
            var invalidItems = errors.Keys.Select(k => k.Split('.')[0]).Distinct().Count();
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The batch was rejected; nothing was stored.",
                Detail = $"{invalidItems} of {items.Count} item(s) are invalid.",
            });
        }

        if (Access.SitesOf(http.User) is not { } allowed)
        {
            return null;
        }

        if (siteCodes is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "A site-limited API key may not send domain controller data.",
                detail: "Security events and domains are not site data; send them with a key that has no site limit. Nothing was stored.");
        }

        var forbidden = siteCodes.OfType<string>().Select(SiteCodes.Normalize).FirstOrDefault(code => !allowed.Contains(code));
        return forbidden is null ? null : TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "The API key is not allowed for this site.",
            detail: $"This key may not send data for site {forbidden}; nothing was stored.");
    }
}
