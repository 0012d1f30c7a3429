using WebHookPanel.Validation;

namespace WebHookPanel.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>Reading the audit log; entries are written by <see cref="AuditTrail"/> with each change.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AuditQueryValidator>();

        return services;
    }
}
