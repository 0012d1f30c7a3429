using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;

namespace WebHookPanel.ApiKeys;

/// <summary>Reads the keys for the admin page; a panel has tens of keys, not thousands, so the list is whole.</summary>
public sealed class ApiKeyStore(IDbContextFactory<PanelDbContext> contextFactory)
{
    /// <summary>Unrevoked keys first, newest first within each group.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null)
            .ThenByDescending(k => k.CreatedAt)
            .ThenByDescending(k => k.Id)
            .Select(k => new ApiKeySummary(
                k.Id,
                k.Name,
                k.Prefix,
                k.Scopes,
                k.CreatedAt,
                k.CreatedBy,
                k.ExpiresAt,
                k.RevokedAt,
                k.RevokedBy,
                k.LastUsedAt))
            .ToListAsync(cancellationToken);
    }
}
