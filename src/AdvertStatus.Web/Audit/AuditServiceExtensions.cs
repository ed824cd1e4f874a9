namespace AdvertStatus.Web.Audit;

internal static class AuditServiceExtensions
{
    /// <summary>The audit log's reader (writers append with <see cref="AuditLog"/> in their own transaction).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditQueries>();
        return services;
    }
}
