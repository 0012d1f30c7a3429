using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.Validation;

namespace WebHookPanel.WebHooks;

/// <summary>Reads and writes hooks. One short-lived context per call; reads are never tracked.</summary>
public sealed class WebHookStore(IDbContextFactory<PanelDbContext> contextFactory, TimeProvider timeProvider)
    : IWebHookNameCheck
{
    // One projection for the list and a single summary, translated to SQL: only the list's columns are read.
    private static readonly Expression<Func<WebHook, WebHookSummary>> ToSummary = h => new WebHookSummary(
        h.Id,
        h.Name,
        h.Method,
        h.TriggerType,
        h.TriggerFilter,
        h.Uri,
        h.Status,
        h.LatestVersion,
        h.UpdatedAt);

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

    public async Task<WebHookResource?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks.AsNoTracking()
            .Where(h => h.Id == id && h.DeletedAt == null)
            .Select(h => new { h.Id, h.Status, h.LatestVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (hook is null)
        {
            return null;
        }

        var definition = await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == id && v.Number == hook.LatestVersion)
            .Select(v => v.Definition)
            .SingleAsync(cancellationToken);

        return WebHookResource.From(hook.Id, hook.Status, hook.LatestVersion, definition);
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

    public async Task<int> CreateAsync(
        WebHookDefinition definition,
        WebHookStatus status,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = WebHook.Create(definition, status, timeProvider.GetUtcNow());
        context.WebHooks.Add(hook);
        await context.SaveChangesAsync(cancellationToken);

        return hook.Id;
    }

    /// <summary>
    /// Saves a new version of the hook. With <paramref name="expectedVersion"/>, only while that is still the latest:
    /// a change made to an older version would silently undo whatever came after it.
    /// </summary>
    public async Task<ReviseOutcome> ReviseAsync(
        int id,
        WebHookDefinition definition,
        WebHookStatus? status,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return ReviseOutcome.NotFound;
        }

        if (expectedVersion is { } expected && expected != hook.LatestVersion)
        {
            return ReviseOutcome.Conflict;
        }

        var now = timeProvider.GetUtcNow();
        hook.Revise(definition, now);
        if (status is { } newStatus)
        {
            hook.ChangeStatus(newStatus, now);
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsVersionTaken(exception))
        {
            // Another save wrote the same version number first: the unique index turned the race into a conflict.
            return ReviseOutcome.Conflict;
        }

        return ReviseOutcome.Saved;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return false;
        }

        hook.Delete(timeProvider.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);

        return true;
    }

    private static bool IsVersionTaken(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } inner
        && inner.Message.Contains("WebHookVersions", StringComparison.Ordinal);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
