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

        // Redirects are not followed (a webhook goes where an Admin pointed it, nowhere else), and the resilience
        // handler retries network errors, timeouts, 408, 429 and 5xx, honouring Retry-After.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddResilienceHandler("webhook-delivery", (pipeline, context) =>
            {
                var delivery = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhooks;
                pipeline.AddTimeout(delivery.AttemptTimeout * (delivery.QuickRetries + 1) + delivery.RetryDelay * (1 << Math.Min(delivery.QuickRetries, 10)));
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
