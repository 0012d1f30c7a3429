using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>
/// Hook versions never change once written, so each is read from the database once, and kept with its secret header
/// values decrypted: only requests are built from what this cache holds.
/// </summary>
public sealed class WebHookVersionCache(
    IDbContextFactory<PanelDbContext> contextFactory,
    HeaderSecretProtector protector)
{
    private readonly ConcurrentDictionary<(int WebHookId, int Number), WebHookDefinition> _versions = new();

    public async ValueTask<WebHookDefinition?> GetAsync(int webHookId, int number, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((webHookId, number), out var cached))
        {
            return cached;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var definition = await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == webHookId && v.Number == number)
            .Select(v => v.Definition)
            .SingleOrDefaultAsync(cancellationToken);
        if (definition is null)
        {
            return null;
        }

        var open = protector.Unprotect(definition);
        _versions.TryAdd((webHookId, number), open);

        return open;
    }
}
