using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Catalog;

/// <summary>
/// The attribute names a row value can be chosen from. Read once and kept: the catalog is small and the
/// searchable choices ask it on every keystroke.
/// </summary>
public sealed class AttributeCatalog(IDbContextFactory<PanelDbContext> contextFactory)
{
    private IReadOnlyList<CatalogAttribute>? _attributes;

    public async Task<IReadOnlyList<CatalogAttribute>> AllAsync(CancellationToken cancellationToken)
    {
        if (_attributes is { } cached)
        {
            return cached;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attributes = await context.CatalogAttributes.AsNoTracking()
            .OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .ToListAsync(cancellationToken);
        _attributes = attributes;

        return attributes;
    }

    /// <summary>Names for a value source, context keys limited to those the trigger's events carry.</summary>
    public async Task<IReadOnlyList<CatalogAttribute>> SearchAsync(
        ValueSource source,
        TriggerType trigger,
        string? text,
        CancellationToken cancellationToken)
    {
        var kind = source switch
        {
            ValueSource.Profile => AttributeKind.Profile,
            ValueSource.Device => AttributeKind.Device,
            ValueSource.Context => AttributeKind.Context,
            _ => (AttributeKind?)null,
        };
        if (kind is null)
        {
            return [];
        }

        var all = await AllAsync(cancellationToken);

        return all
            .Where(a => a.Kind == kind && (a.TriggerType is null || a.TriggerType == trigger))
            .Where(a => string.IsNullOrEmpty(text)
                || a.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.Description.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
