using System.Security.Claims;
using WebHookPanel.Accounts;
using WebHookPanel.Data;

namespace WebHookPanel.Audit;

/// <summary>
/// Adds audit entries to the caller's context, so an entry commits in the same transaction as the change it
/// describes: no change without its entry, no entry for a change that rolled back.
/// </summary>
public sealed class AuditTrail(TimeProvider timeProvider)
{
    public void Record(
        PanelDbContext context,
        ClaimsPrincipal actor,
        string action,
        string targetType,
        string targetId,
        string summary) =>
        context.AuditEntries.Add(new AuditEntry(
            timeProvider.GetUtcNow(), actor.ActorName(), action, targetType, targetId, summary));
}
