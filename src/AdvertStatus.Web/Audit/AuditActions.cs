namespace AdvertStatus.Web.Audit;

/// <summary>The audited actions, as the audit API names them.</summary>
public static class AuditActions
{
    public const string FindingAcknowledge = "finding.acknowledge";
    public const string FindingResolve = "finding.resolve";
    public const string ApiKeyCreate = "apikey.create";
    public const string ApiKeyRevoke = "apikey.revoke";
    public const string SettingsRules = "settings.rules";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string SignInFailed = "signin.failed";
    public const string WebhookCreate = "webhook.create";
    public const string WebhookDelete = "webhook.delete";
    public const string WebhookTest = "webhook.test";
    public const string ReportScheduleCreate = "report-schedule.create";
    public const string ReportScheduleDelete = "report-schedule.delete";
    public const string ReportScheduleSend = "report-schedule.send";
    public const string SiteRemove = "site.remove";
}
