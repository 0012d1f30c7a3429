using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;

namespace WebHookPanel.ApiKeys;

/// <summary>
/// The unrevoked keys in memory, so that authenticating a call costs a hash and a lookup, not a query: the events
/// API is the panel's hot path. Creating or revoking a key invalidates the cache in this process at once; a change
/// made by another process is seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(IDbContextFactory<PanelDbContext> contextFactory, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _generation;

    /// <summary>The unrevoked, unexpired key whose text this is; null for any other text.</summary>
    public async ValueTask<CachedApiKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        var hash = ApiKeySecret.Hash(key);

        // Both candidates are compared in fixed time, whatever the first one gave: a key in the panel's form
        // and a bootstrap key that happens to look like one take the same path.
        CachedApiKey? match = null;
        if (ApiKeySecret.PrefixOf(key) is { } prefix && snapshot.ByPrefix.TryGetValue(prefix, out var byPrefix)
            && CryptographicOperations.FixedTimeEquals(byPrefix.Hash, hash))
        {
            match = byPrefix;
        }

        foreach (var other in snapshot.WithoutPrefix)
        {
            if (CryptographicOperations.FixedTimeEquals(other.Hash, hash))
            {
                match ??= other;
            }
        }

        return match is { ExpiresAt: { } expiresAt } && expiresAt <= timeProvider.GetUtcNow() ? null : match;
    }

    /// <summary>Drops the cached keys; call after a change to the keys has committed.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _snapshot = null;
        }
    }

    private ValueTask<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);

        return snapshot is not null && IsFresh(snapshot)
            ? ValueTask.FromResult(snapshot)
            : new ValueTask<Snapshot>(LoadAsync(cancellationToken));
    }

    private bool IsFresh(Snapshot snapshot) => timeProvider.GetUtcNow() - snapshot.LoadedAt < Lifetime;

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        // One load at a time: a burst of calls after an invalidation waits for one query instead of running many.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                long generation;
                lock (_gate)
                {
                    if (_snapshot is { } current && IsFresh(current))
                    {
                        return current;
                    }

                    generation = _generation;
                }

                var loaded = await ReadAsync(cancellationToken);

                // A key revoked while this read ran may still be in it: keep it only if nothing changed meanwhile.
                lock (_gate)
                {
                    if (generation == _generation)
                    {
                        _snapshot = loaded;

                        return loaded;
                    }
                }
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var loadedAt = timeProvider.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = await context.ApiKeys.AsNoTracking()
            .Where(k => k.RevokedAt == null)
            .Select(k => new { k.Prefix, Key = new CachedApiKey(k.Id, k.Name, k.Hash, k.Scopes, k.ExpiresAt) })
            .ToListAsync(cancellationToken);

        return new Snapshot(
            keys.Where(k => k.Prefix is not null)
                .ToFrozenDictionary(k => k.Prefix!, k => k.Key, StringComparer.Ordinal),
            [.. keys.Where(k => k.Prefix is null).Select(k => k.Key)],
            loadedAt);
    }

    private sealed record Snapshot(
        FrozenDictionary<string, CachedApiKey> ByPrefix,
        IReadOnlyList<CachedApiKey> WithoutPrefix,
        DateTimeOffset LoadedAt);
}
