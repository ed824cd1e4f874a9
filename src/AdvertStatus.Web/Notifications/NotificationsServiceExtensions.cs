using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AdvertStatus.Web.Notifications;

internal static class NotificationsServiceExtensions
{
    /// <summary>Webhooks and report schedules: their administration, the deliverer and the scheduler, the HTTP client and SMTP settings.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookAdministration>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<ReportMailer>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());
        services.AddSingleton<ReportScheduleAdministration>();

        // Redirects are not followed: a webhook goes where an Admin pointed it, nowhere else.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        // The quick retries of one delivery: network errors, timeouts, 408, 429 and 5xx, honouring Retry-After
        // (Microsoft.Extensions.Http.Resilience's HTTP retry), each attempt with its own timeout. The sender builds a
        // fresh request per attempt, since a sent HttpRequestMessage must not be sent again.
        services.AddResiliencePipeline<string, HttpResponseMessage>(WebhookSender.ClientName, (pipeline, context) =>
        {
            var delivery = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhooks;
            pipeline.TimeProvider = TimeProvider.System;   // real seconds between attempts, whatever the app's business clock says
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(delivery.QuickRetries, 1),
                Delay = delivery.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                MaxDelay = TimeSpan.FromSeconds(30),
            });
            pipeline.AddTimeout(delivery.AttemptTimeout);
        });
        return services;
    }
}
