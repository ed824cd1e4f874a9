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
}
