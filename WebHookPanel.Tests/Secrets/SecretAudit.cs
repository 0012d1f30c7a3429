using System.Linq.Expressions;
using WebHookPanel.Audit;
using WebHookPanel.Secrets;

namespace WebHookPanel.Tests.Secrets;

/// <summary>
/// The audit entries secret access writes, apart from those of the hook's own life (created, approved).
/// </summary>
internal static class SecretAudit
{
    public static Expression<Func<AuditEntry, bool>> Entries { get; } =
        e => e.Action == SecretAccess.RevealedAction || e.Action == SecretAccess.RotatedAction;
}
