using MailKit.Security;

namespace AdvertStatus.Web.Notifications;

/// <summary>The <c>Notifications</c> section: links in what is sent, SMTP, and the webhook deliverer's timing.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The dashboard's address as recipients reach it, for links in webhooks and e-mails (<c>https://advertstatus.corp.example</c>).
    /// Empty: the address of the request that made the change, else the server's first binding.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public WebhookDeliveryOptions Webhooks { get; set; } = new();

    /// <summary>How often due report schedules are looked for.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The SMTP relay report e-mails go through.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: e-mail is not configured, and schedules record that instead of sending.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "AdvertStatus <advertstatus@localhost>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary><c>Auto</c>: STARTTLS when the server offers it; <c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c> otherwise.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
}

/// <summary>How webhook events are delivered and retried.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>False: this instance never delivers (another one does); webhooks are still managed here.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the deliverer looks for new openings when not nudged by a local change.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries within one delivery attempt (Microsoft.Extensions.Http.Resilience), starting at <see cref="RetryDelay"/>.</summary>
    public int QuickRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most one request may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After the quick retries fail, the next attempt waits this long, doubling up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an event is retried before the webhook moves past it (the error stays on the webhook).</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(25);

    /// <summary>How long the delivering instance's lease lasts without renewal.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(90);
}
