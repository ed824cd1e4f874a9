using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace AdvertStatus.Web.Notifications;

/// <summary>How one delivery ended.</summary>
/// <param name="Retry">Worth trying again later (network error, timeout, 408, 429, 5xx).</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it gave one.</param>
public sealed record DeliveryOutcome(bool Delivered, bool Retry, string? Error, TimeSpan? RetryAfter)
{
    public static readonly DeliveryOutcome Success = new(true, false, null, null);
}

/// <summary>
/// Posts one event to one webhook with the <c>webhooks</c> HTTP client, inside the <c>webhooks</c> resilience pipeline
/// (<see cref="NotificationsServiceExtensions"/>), which retries network errors, timeouts, 408, 429 and 5xx a few
/// times, honouring Retry-After. Redirects are not followed: a 3xx is a failure that names where it pointed.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients, ResiliencePipelineProvider<string> pipelines, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    public async Task<DeliveryOutcome> SendAsync(Webhook webhook, WebhookEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(e);
        var body = WebhookBodies.Write(webhook.Format, e, json.Value.SerializerOptions);
        var signature = webhook.Secret is { } secret ? WebhookBodies.Signature(secret, body) : null;
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await pipelines.GetPipeline<HttpResponseMessage>(ClientName).ExecuteAsync(async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(WebhookBodies.DeliveryHeader, e.DeliveryId);
                request.Headers.UserAgent.ParseAdd("AdvertStatus-Webhooks/1");
                if (signature is not null)
                {
                    request.Headers.Add(WebhookBodies.SignatureHeader, signature);
                }

                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Success;
            }

            var status = (int)response.StatusCode;
            var retry = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - DateTimeOffset.UtcNow,
                _ => (TimeSpan?)null,
            };
            var error = status is >= 300 and < 400
                ? $"HTTP {status}: the receiver redirects to {response.Headers.Location}; redirects are not followed, so point the webhook there."
                : $"HTTP {status} {response.ReasonPhrase}";
            LogFailed(logger, webhook.Id, webhook.Name, e.DeliveryId, error);
            return new DeliveryOutcome(false, retry, error, retryAfter);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = ex is HttpRequestException { HttpRequestError: var kind } ? $"{kind}: {ex.Message}" : $"Timed out: {ex.Message}";
            LogFailed(logger, webhook.Id, webhook.Name, e.DeliveryId, error);
            return new DeliveryOutcome(false, true, error, null);
        }
    }

    // The URL is not logged: a chat webhook's URL is itself a credential.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} ({WebhookName}) delivery {DeliveryId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, int webhookId, string webhookName, string deliveryId, string error);
}
