using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;
using WebHookPanel.Secrets;

namespace WebHookPanel.Signing;

/// <summary>
/// Keeps each hook's signing secrets, encrypted at rest, and the ones still valid after a rotation. Secrets are
/// cached briefly in memory: the dispatcher asks for them on every attempt of a signed hook.
/// </summary>
public sealed class SigningKeyStore(
    IDbContextFactory<PanelDbContext> contextFactory,
    IDataProtectionProvider protection,
    TimeProvider timeProvider)
{
    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly IDataProtector _protector = protection.CreateProtector("WebHookPanel.Signing.v1");
    private readonly ConcurrentDictionary<int, (IReadOnlyList<string> Secrets, DateTimeOffset Until)> _cache = new();
    private readonly Dictionary<int, long> _rotations = [];
    private readonly Lock _cacheLock = new();
    private readonly SemaphoreSlim _creating = new(1, 1);

    /// <summary>The secrets to sign with, the current one first; a hook's first secret is made on demand.</summary>
    public async Task<IReadOnlyList<string>> SecretsAsync(int webHookId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(webHookId, out var cached) && cached.Until > now)
        {
            return cached.Secrets;
        }

        var rotation = Rotation(webHookId);
        var keys = await KeysAsync(webHookId, now, cancellationToken);
        if (keys.Count == 0)
        {
            keys = await CreateFirstAsync(webHookId, cancellationToken);
        }

        var secrets = Decrypt(webHookId, keys);

        // A cached list must not outlive the retirement of a secret in it, nor a rotation that committed while it
        // was read: it would sign without the new secret and reveal the old one as current.
        var until = keys.Select(k => k.RetiresAt ?? DateTimeOffset.MaxValue).Append(now + CacheLifetime).Min();
        lock (_cacheLock)
        {
            if (Rotation(webHookId) == rotation)
            {
                _cache[webHookId] = (secrets, until);
            }
        }

        return secrets;
    }

    /// <summary>The current secret in <c>whsec_</c> form, for an admin who reveals it.</summary>
    public async Task<string> CurrentAsync(int webHookId, CancellationToken cancellationToken) =>
        (await SecretsAsync(webHookId, cancellationToken))[0];

    /// <summary>
    /// Makes a new current secret; the previous one keeps signing for <see cref="RotationOverlap"/>.
    /// <paramref name="recordChange"/> adds the audit entry to the same context, so that it commits with the change.
    /// </summary>
    public async Task RotateAsync(
        int webHookId,
        Action<PanelDbContext> recordChange,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordChange);

        await _creating.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            var current = await context.SigningKeys
                .Where(k => k.WebHookId == webHookId && k.RetiresAt == null)
                .ToListAsync(cancellationToken);
            foreach (var key in current)
            {
                key.Retire(now + RotationOverlap);
            }

            context.SigningKeys.Add(NewKey(webHookId, now));
            recordChange(context);
            await context.SaveChangesAsync(cancellationToken);
            lock (_cacheLock)
            {
                _rotations[webHookId] = Rotation(webHookId) + 1;
                _cache.TryRemove(webHookId, out _);
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    private long Rotation(int webHookId)
    {
        lock (_cacheLock)
        {
            return _rotations.GetValueOrDefault(webHookId);
        }
    }

    /// <summary>
    /// The secrets in clear, the current one first. A rotated-out secret that cannot be decrypted is left out,
    /// so that rotating is the way back when the key ring was lost; an unreadable current one is an error.
    /// </summary>
    private List<string> Decrypt(int webHookId, List<SigningKey> keys)
    {
        var secrets = new List<string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            try
            {
                secrets.Add(_protector.Unprotect(keys[i].ProtectedSecret));
            }
            catch (CryptographicException exception) when (i == 0)
            {
                throw new UnreadableSecretException($"the signing secret of webhook {webHookId}", exception);
            }
            catch (CryptographicException)
            {
                // Retiring, and it can no longer be read: receivers get the current secret's signature alone.
            }
        }

        return secrets;
    }

    private async Task<List<SigningKey>> KeysAsync(int webHookId, DateTimeOffset now, CancellationToken token)
    {
        await using var context = await contextFactory.CreateDbContextAsync(token);
        var keys = await context.SigningKeys.AsNoTracking()
            .Where(k => k.WebHookId == webHookId)
            .ToListAsync(token);

        return [.. keys.Where(k => k.RetiresAt is null || k.RetiresAt > now)
            .OrderBy(k => k.RetiresAt.HasValue)
            .ThenByDescending(k => k.Id)];
    }

    private async Task<List<SigningKey>> CreateFirstAsync(int webHookId, CancellationToken cancellationToken)
    {
        // Two attempts of the same new hook must not each make a "first" secret.
        await _creating.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            var keys = await KeysAsync(webHookId, now, cancellationToken);
            if (keys.Count > 0)
            {
                return keys;
            }

            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            var key = NewKey(webHookId, now);
            context.SigningKeys.Add(key);
            await context.SaveChangesAsync(cancellationToken);

            return [key];
        }
        finally
        {
            _creating.Release();
        }
    }

    private SigningKey NewKey(int webHookId, DateTimeOffset now) =>
        new(webHookId, _protector.Protect(SigningSecret.Generate()), now);
}
