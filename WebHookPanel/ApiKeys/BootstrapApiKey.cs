using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Api;
using WebHookPanel.Audit;
using WebHookPanel.Data;

namespace WebHookPanel.ApiKeys;

/// <summary>
/// Makes <c>Panel__BootstrapApiKey</c> a managed key named <c>bootstrap</c> with every scope, at start-up after
/// the migration. A changed or removed setting revokes the key made from the previous value, so an old value
/// stops working; a bootstrap key that an admin revoked stays revoked until the setting gets a new value.
/// </summary>
public sealed partial class BootstrapApiKey(
    IDbContextFactory<PanelDbContext> contextFactory,
    IConfiguration configuration,
    ApiKeyCommands commands,
    ApiKeyCache cache,
    AuditTrail audit,
    TimeProvider timeProvider,
    ILogger<BootstrapApiKey> logger) : IHostedService
{
    /// <summary>The name of the key made from the setting; no admin can give it to another key.</summary>
    public const string Name = "bootstrap";

    /// <summary>The changes here are the panel's own: the audit log names "system" as their actor.</summary>
    private static readonly ClaimsPrincipal SystemActor = new(new ClaimsIdentity());

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setting = configuration[ApiKeyHandler.BootstrapKeySetting];
        var hash = string.IsNullOrEmpty(setting) ? null : ApiKeySecret.Hash(setting);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        var current = await context.ApiKeys
            .Where(k => k.Name == Name && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var key in current.Where(k => hash is null || !CryptographicOperations.FixedTimeEquals(k.Hash, hash)))
        {
            var reason = hash is null ? "is no longer set" : "has a new value";
            key.Revoke(now, SystemActor.ActorName());
            audit.Record(
                context,
                SystemActor,
                "apikey.revoked",
                ApiKeyCommands.TargetType,
                ApiKeyCommands.Id(key),
                $"Revoked API key {ApiKeyCommands.Describe(key)}: {ApiKeyHandler.BootstrapKeySetting} {reason}.");
            LogRevoked(logger, ApiKeyHandler.BootstrapKeySetting, reason);
        }

        await context.SaveChangesAsync(cancellationToken);

        if (hash is not null && !current.Any(k => k.RevokedAt is null))
        {
            await CreateAsync(context, hash, now, cancellationToken);
        }

        cache.Invalidate();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAsync(PanelDbContext context, byte[] hash, DateTimeOffset now, CancellationToken token)
    {
        if (await context.ApiKeys.AnyAsync(k => k.Name == Name && k.Hash == hash, token))
        {
            LogStillRevoked(logger, ApiKeyHandler.BootstrapKeySetting);

            return;
        }

        var key = new ApiKey(Name, prefix: null, hash, ApiKeyScopes.All, now, SystemActor.ActorName(), null);
        var summary = $"Created API key {ApiKeyCommands.Describe(key)} with every scope from "
            + $"{ApiKeyHandler.BootstrapKeySetting}.";
        await commands.SaveWithAuditAsync(context, key, SystemActor, summary, token);
        LogCreated(logger, ApiKeyHandler.BootstrapKeySetting);
    }

    [LoggerMessage(
        EventId = 2310,
        Level = LogLevel.Information,
        Message = "Created the bootstrap API key from {Setting}")]
    private static partial void LogCreated(ILogger logger, string setting);

    [LoggerMessage(
        EventId = 2311,
        Level = LogLevel.Information,
        Message = "Revoked the bootstrap API key: {Setting} {Reason}")]
    private static partial void LogRevoked(ILogger logger, string setting, string reason);

    [LoggerMessage(
        EventId = 2312,
        Level = LogLevel.Warning,
        Message = "The bootstrap API key of {Setting} was revoked by an admin; give the setting a new value to make "
            + "a new key")]
    private static partial void LogStillRevoked(ILogger logger, string setting);
}
