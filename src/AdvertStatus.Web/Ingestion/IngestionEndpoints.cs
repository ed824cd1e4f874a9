using System.Xml;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Ingestion.Validation;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Ingestion API v1. Every route takes one item, a JSON array or NDJSON (gzip allowed), validates the
/// whole batch first, and answers 202 only after the batch is committed: all or nothing.
/// </summary>
public static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyScopes.Ingest)
            .RequireRateLimiting(Throttling.IngestPerKeyPolicy)
            .WithTags("Ingestion")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

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
        return app;
    }

    private static async Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveStatusMessagesAsync(
        HttpContext http, StatusIngestor ingestor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = await BatchBodyReader.ReadJsonAsync<StatusMessageRequest>(http.Request, IngestionJson.Options, cancellationToken);
        if (Reject(items, http, items.Select(i => i.SiteCode)) is { } rejection)
        {
            return rejection;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ingestor.IngestAsync([.. items.Select(i => i.ToStatusMessage(now))], Access.SitesOf(http.User), cancellationToken);
        return TypedResults.Accepted((string?)null, IngestionResponse.From(result));
    }

    private static async Task<Results<Accepted<SecurityEventsResponse>, ProblemHttpResult>> ReceiveSecurityEventsAsync(
        HttpContext http, SecurityEventIngestor ingestor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = BatchBodyReader.IsXml(http.Request)
            ? await ReadEventXmlAsync(http.Request, cancellationToken)
            : await BatchBodyReader.ReadJsonAsync<SecurityEventRequest>(http.Request, IngestionJson.Options, cancellationToken);
        if (Reject(items, http, null) is { } rejection)
        {
            return rejection;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kept = items.Where(i => i.IsKept).Select(i => i.ToSecurityEvent(now)).ToList();
        var result = await ingestor.IngestAsync(kept, items.Count - kept.Count, cancellationToken);
        return TypedResults.Accepted((string?)null, SecurityEventsResponse.From(result));
    }

    private static async Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveInventoryAsync(
        HttpContext http, InventoryIngestor ingestor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = await BatchBodyReader.ReadJsonAsync<InventoryRequest>(http.Request, IngestionJson.Options, cancellationToken);
        if (Reject(items, http, items.Select(i => i.SiteCode)) is { } rejection)
        {
            return rejection;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ingestor.IngestAsync([.. items.Select(i => i.ToInventoryReport(now))], Access.SitesOf(http.User), cancellationToken);
        return TypedResults.Accepted((string?)null, IngestionResponse.From(result));
    }

    private static async Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveAdvertisementsAsync(
        HttpContext http, ReferenceDataIngestor ingestor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = await BatchBodyReader.ReadJsonAsync<AdvertisementRequest>(http.Request, IngestionJson.Options, cancellationToken);
        if (Reject(items, http, items.Select(i => i.SiteCode)) is { } rejection)
        {
            return rejection;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ingestor.IngestAdvertisementsAsync([.. items.Select(i => i.ToAdvertisement(now))], Access.SitesOf(http.User), cancellationToken);
        return TypedResults.Accepted((string?)null, IngestionResponse.From(result));
    }

    private static async Task<Results<Accepted<IngestionResponse>, ProblemHttpResult>> ReceiveDomainsAsync(
        HttpContext http, ReferenceDataIngestor ingestor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = await BatchBodyReader.ReadJsonAsync<DomainRequest>(http.Request, IngestionJson.Options, cancellationToken);
        if (Reject(items, http, null) is { } rejection)
        {
            return rejection;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ingestor.IngestDomainsAsync([.. items.Select(i => i.ToDomain(now))], cancellationToken);
        return TypedResults.Accepted((string?)null, IngestionResponse.From(result));
    }

    private static async Task<List<SecurityEventRequest>> ReadEventXmlAsync(HttpRequest request, CancellationToken cancellationToken)
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
