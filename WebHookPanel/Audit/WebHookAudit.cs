using System.Globalization;
using System.Security.Claims;
using WebHookPanel.Data;
using WebHookPanel.Review;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Audit;

/// <summary>
/// The audit entries of a hook's life, worded in one place: created, revised, submitted, approved, rejected,
/// paused, resumed, deleted. Each is added to the caller's context and commits with the change it describes;
/// secrets never appear, because the field texts come from <see cref="DefinitionDiff"/>.
/// </summary>
public sealed class WebHookAudit(AuditTrail trail)
{
    public const string Target = "webhook";

    public const string PausedAction = "webhook.paused";

    public void Created(PanelDbContext context, ClaimsPrincipal actor, WebHook hook, WebHookVersion version)
    {
        var what = $"v{version.Number} \"{hook.Name}\": {hook.Method} {hook.Uri}, "
            + WebHookLabels.Trigger(version.Definition.Trigger);
        Record(context, actor, "webhook.created", hook, hook.ActiveVersion == version.Number
            ? $"{what}; in force at once (saved by an admin){(hook.Status == WebHookStatus.Paused ? ", paused" : "")}"
            : $"{what}; waits for review");
    }

    public void Revised(
        PanelDbContext context,
        ClaimsPrincipal actor,
        WebHook hook,
        WebHookVersion version,
        IReadOnlyList<DefinitionChange> changes)
    {
        var how = hook.ActiveVersion == version.Number ? "in force at once (saved by an admin)" : "waits for review";
        Record(
            context,
            actor,
            "webhook.revised",
            hook,
            $"v{version.Number}: {DefinitionDiff.Summarize(changes)}; {how}");
    }

    public void Submitted(PanelDbContext context, ClaimsPrincipal actor, WebHook hook) =>
        Record(context, actor, "webhook.submitted", hook, hook.ActiveVersion is { } active
            ? $"v{hook.LatestVersion} submitted for review; v{active} stays in force until it is approved"
            : $"v{hook.LatestVersion} submitted for review; nothing is sent until an admin approves it");

    public void Approved(PanelDbContext context, ClaimsPrincipal actor, WebHook hook, int? previous, string? comment)
    {
        var was = previous is { } number ? $"v{number} before" : "the first version in force";
        var why = string.IsNullOrEmpty(comment) ? "" : $": {comment}";
        Record(context, actor, "webhook.approved", hook, $"v{hook.ActiveVersion} approved and in force ({was}){why}");
    }

    public void Rejected(PanelDbContext context, ClaimsPrincipal actor, WebHook hook, int version, string comment)
    {
        var serving = hook.ActiveVersion is { } active ? $"v{active} stays in force" : "nothing is in force";
        Record(context, actor, "webhook.rejected", hook, $"v{version} rejected: {comment} ({serving})");
    }

    /// <summary>A pause or resume, by a person, a key, or the dispatcher itself (actor "system").</summary>
    public void StatusChanged(
        PanelDbContext context,
        ClaimsPrincipal actor,
        WebHook hook,
        WebHookStatus before,
        string? reason = null)
    {
        if (hook.Status == before)
        {
            return;
        }

        var action = hook.Status == WebHookStatus.Paused ? PausedAction : "webhook.resumed";
        Record(context, actor, action, hook, StatusSummary(before, hook.Status, reason));
    }

    /// <summary>Worded here for the dispatcher too, which writes its own pauses without a context.</summary>
    public static string StatusSummary(WebHookStatus before, WebHookStatus after, string? reason)
    {
        var because = reason is null ? "" : $": {reason}";

        return $"status {before} → {after}{because}";
    }

    public void Deleted(PanelDbContext context, ClaimsPrincipal actor, WebHook hook) =>
        Record(
            context,
            actor,
            "webhook.deleted",
            hook,
            $"\"{hook.Name}\" deleted; it sends nothing more and its delivery history is kept");

    private void Record(PanelDbContext context, ClaimsPrincipal actor, string action, WebHook hook, string summary) =>
        trail.Record(context, actor, action, Target, hook.Id.ToString(CultureInfo.InvariantCulture), summary);
}
