using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;

namespace WebHookPanel.Audit;

/// <summary>Reads the audit log a page at a time, newest first; the filtering and paging run in SQLite.</summary>
public sealed class AuditStore(IDbContextFactory<PanelDbContext> contextFactory)
{
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(context.AuditEntries.AsNoTracking(), query);

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Skip((query.SafePage - 1) * query.SafePageSize)
            .Take(query.SafePageSize)
            .ToListAsync(cancellationToken);

        return new AuditPage(items, total, query.SafePage, query.SafePageSize);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        if (Given(query.Actor) is { } actor)
        {
            var literal = LikePattern.Literal(actor);
            entries = entries.Where(e => EF.Functions.Like(e.Actor, literal, LikePattern.EscapeCharacter));
        }

        // Actions and target types are written in lower case.
        if (Given(query.Action)?.ToLowerInvariant() is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (Given(query.TargetType)?.ToLowerInvariant() is { } targetType)
        {
            entries = entries.Where(e => e.TargetType == targetType);
        }

        if (Given(query.TargetId) is { } targetId)
        {
            entries = entries.Where(e => e.TargetId == targetId);
        }

        // Times are stored as wall-clock ticks beside their offset (see PanelDbContext), which sort as instants only
        // among values of one offset: entries are written in UTC, so the bounds are compared in UTC too.
        if (query.From?.ToUniversalTime() is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To?.ToUniversalTime() is { } to)
        {
            entries = entries.Where(e => e.At <= to);
        }

        if (Given(query.Search) is { } search)
        {
            var pattern = LikePattern.Containing(search);
            entries = entries.Where(e => EF.Functions.Like(e.Summary, pattern, LikePattern.EscapeCharacter));
        }

        return entries;
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
