using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Review;
using WebHookPanel.Validation;

namespace WebHookPanel.WebHooks;

/// <summary>
/// Reads and writes hooks. One short-lived context per call; reads are never tracked. Every write names its actor:
/// an admin's version is in force at once, anyone else's waits for review, and the audit entry commits with it.
/// </summary>
public sealed class WebHookStore(
    IDbContextFactory<PanelDbContext> contextFactory,
    TimeProvider timeProvider,
    WebHookAudit audit) : IWebHookNameCheck
{
    // One projection for the list and a single summary, translated to SQL: only the list's columns are read.
    internal static readonly Expression<Func<WebHook, WebHookSummary>> ToSummary = h => new WebHookSummary(
        h.Id,
        h.Name,
        h.Method,
        h.TriggerType,
        h.TriggerFilter,
        h.Uri,
        h.Status,
        h.LatestVersion,
        h.UpdatedAt,
        h.ActiveVersion,
        h.Review);

    public async Task<WebHookPage> ListAsync(WebHookQuery query, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hooks = context.WebHooks.AsNoTracking().Where(h => h.DeletedAt == null);

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Names are matched on their upper-cased copy: SQLite's LIKE folds ASCII only.
            var pattern = $"%{EscapeLike(WebHook.Normalize(query.Search))}%";
            hooks = hooks.Where(h => EF.Functions.Like(h.NormalizedName, pattern, "\\"));
        }

        if (query.Trigger is { } trigger)
        {
            hooks = hooks.Where(h => h.TriggerType == trigger);
        }

        if (query.Status is { } status)
        {
            hooks = hooks.Where(h => h.Status == status);
        }

        if (query.Review is { } review)
        {
            hooks = hooks.Where(h => h.Review == review);
        }

        var total = await hooks.CountAsync(cancellationToken);
        var items = await hooks
            .OrderByDescending(h => h.UpdatedAt)
            .ThenByDescending(h => h.Id)
            .Skip((query.SafePage - 1) * query.SafePageSize)
            .Take(query.SafePageSize)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);

        return new WebHookPage(items, total, query.SafePage, query.SafePageSize);
    }

    /// <summary>The hook with its latest definition and its review; null when there is no such hook.</summary>
    public async Task<WebHookResource?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks.AsNoTracking()
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return null;
        }

        var latest = await LatestAsync(context, hook, cancellationToken);

        return WebHookResource.From(
            hook.Id,
            hook.Status,
            latest.Definition,
            hook.ActiveVersion,
            WebHookReview.From(hook, latest));
    }

    /// <summary>Where the hook's latest version stands with the admins; null when there is no such hook.</summary>
    public async Task<WebHookReview?> FindReviewAsync(int id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks.AsNoTracking()
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);

        return hook is null ? null : WebHookReview.From(hook, await LatestAsync(context, hook, cancellationToken));
    }

    /// <summary>One version's definition, or null when the hook or the version does not exist.</summary>
    public async Task<WebHookDefinition?> FindVersionAsync(int id, int number, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == id && v.Number == number)
            .Select(v => v.Definition)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The hook's list row (status, version, trigger); null when there is no such hook.</summary>
    public async Task<WebHookSummary?> FindSummaryAsync(int id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.WebHooks.AsNoTracking()
            .Where(h => h.Id == id && h.DeletedAt == null)
            .Select(ToSummary)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> IsTakenAsync(string name, int? exceptId, CancellationToken ct)
    {
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var normalized = WebHook.Normalize(name);

        return await context.WebHooks.AsNoTracking()
            .AnyAsync(h => h.NormalizedName == normalized && h.Id != exceptId, ct);
    }

    /// <summary>
    /// Stores a new hook. An admin's is in force at once (<paramref name="status"/> Active by default, or Paused),
    /// unless the status asks for review; anyone else's first version waits for review and sends nothing.
    /// </summary>
    public async Task<int> CreateAsync(
        WebHookDefinition definition,
        ClaimsPrincipal actor,
        WebHookStatus? status,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var hook = WebHook.Create(definition, actor.ActorName(), now);
        var version = hook.Versions[^1];
        var inForce = PutsInForce(actor, status);
        if (inForce)
        {
            hook.Approve(version, actor.ActorName(), null, now);
            if (status == WebHookStatus.Paused)
            {
                hook.ChangeStatus(WebHookStatus.Paused, now);
            }
        }

        context.WebHooks.Add(hook);

        // The id comes from the insert; the entries that name it commit in the same transaction.
        await context.SaveChangesAsync(cancellationToken);
        audit.Created(context, actor, hook, version);
        if (!inForce)
        {
            audit.Submitted(context, actor, hook);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return hook.Id;
    }

    /// <summary>
    /// Saves a new version of the hook: in force at once for an admin (unless <paramref name="status"/> is
    /// PendingReview), waiting for review for anyone else while the version in force keeps serving. With
    /// <paramref name="expectedVersion"/>, only while that is still the latest: a change made to an older version
    /// would silently undo whatever came after it.
    /// </summary>
    public async Task<ReviseOutcome> ReviseAsync(
        int id,
        WebHookDefinition definition,
        ClaimsPrincipal actor,
        WebHookStatus? status,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Read under the write lock: an approval between this read and the save would otherwise be overwritten.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var hook = await context.WebHooks
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return ReviseOutcome.NotFound;
        }

        if (expectedVersion is { } expected && expected != hook.LatestVersion)
        {
            return expected > hook.LatestVersion || expected < 1
                ? ReviseOutcome.UnknownVersion
                : ReviseOutcome.Conflict;
        }

        var previous = await LatestAsync(context, hook, cancellationToken);
        var statusBefore = hook.Status;
        var now = timeProvider.GetUtcNow();

        // A save on top of a version that was never approved (pending or rejected) carries that version's changes
        // too, secret values among them that no form shows: it goes through the review page's diff, even an admin's.
        var buildsOnUnreviewed = hook.ActiveVersion != hook.LatestVersion;
        var version = hook.Revise(definition, actor.ActorName(), now);
        var inForce = PutsInForce(actor, status) && !buildsOnUnreviewed;
        if (inForce)
        {
            hook.Approve(version, actor.ActorName(), null, now);
            if (status is { } wanted && wanted != hook.Status)
            {
                hook.ChangeStatus(wanted, now);
            }
        }

        audit.Revised(context, actor, hook, version, DefinitionDiff.Compare(previous.Definition, version.Definition));
        if (!inForce)
        {
            audit.Submitted(context, actor, hook);
        }

        if (statusBefore is WebHookStatus.Active or WebHookStatus.Paused)
        {
            audit.StatusChanged(context, actor, hook, statusBefore);
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsVersionTaken(exception))
        {
            // Another save wrote the same version number first: the unique index turned the race into a conflict.
            return ReviseOutcome.Conflict;
        }

        return inForce ? ReviseOutcome.Saved : ReviseOutcome.SavedForReview;
    }

    public async Task<bool> DeleteAsync(int id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return false;
        }

        hook.Delete(timeProvider.GetUtcNow());
        audit.Deleted(context, actor, hook);
        await context.SaveChangesAsync(cancellationToken);

        return true;
    }

    /// <summary>An admin's save is in force at once unless it asks for review; nobody else's ever is.</summary>
    /// <summary>Whether a new hook saved by <paramref name="actor"/> is in force at once.</summary>
    public static bool PutsInForce(ClaimsPrincipal actor, WebHookStatus? status) =>
        actor.IsAdmin() && status != WebHookStatus.PendingReview;

    private static Task<WebHookVersion> LatestAsync(
        PanelDbContext context,
        WebHook hook,
        CancellationToken cancellationToken) =>
        context.WebHookVersions.AsNoTracking()
            .SingleAsync(v => v.WebHookId == hook.Id && v.Number == hook.LatestVersion, cancellationToken);

    private static bool IsVersionTaken(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } inner
        && inner.Message.Contains("WebHookVersions", StringComparison.Ordinal);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
