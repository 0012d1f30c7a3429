using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Requests;
using WebHookPanel.Signing;

namespace WebHookPanel.Secrets;

/// <summary>
/// The only ways to a secret in clear for a person or an API caller: revealing a header's stored value or a
/// signing secret, and rotating the signing secret. Each asks the actor's rights here, on the server, and records
/// what it did in the audit log, naming the secret but never its value.
/// </summary>
public sealed partial class SecretAccess(
    IDbContextFactory<PanelDbContext> contextFactory,
    DefinitionSecrets secrets,
    HeaderSecretProtector protector,
    SigningKeyStore signingKeys,
    AuditTrail audit,
    ILogger<SecretAccess> logger)
{
    public const string RevealedAction = "secret.revealed";

    public const string RotatedAction = "secret.rotated";

    /// <summary>What pages and the API say when a stored secret cannot be decrypted.</summary>
    public const string UnreadableMessage = "The stored secret cannot be decrypted: the Data Protection keys kept "
        + "beside the database are missing or belong to another database. Type the value again, or rotate the "
        + "signing secret.";

    private const string TargetType = "webhook";

    /// <summary>The stored value of secret header <paramref name="headerKey"/> in the hook's latest version.</summary>
    public async Task<RevealedSecret> RevealHeaderAsync(
        ClaimsPrincipal actor,
        int webHookId,
        string headerKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (!actor.CanRevealSecrets())
        {
            LogRefused(logger, webHookId, actor.ActorName());

            return new RevealedSecret(SecretAccessResult.Refused);
        }

        var stored = await secrets.LatestAsync(webHookId, cancellationToken);
        var row = stored?.Headers.Find(r => r is not null && SecretHeaderRule.HoldsSecret(r)
            && string.Equals(r.Key, headerKey, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            return new RevealedSecret(SecretAccessResult.NotFound);
        }

        string value;
        try
        {
            value = protector.Unprotect(row.Value, row.Key);
        }
        catch (UnreadableSecretException exception)
        {
            LogUnreadable(logger, exception, webHookId);

            return new RevealedSecret(SecretAccessResult.Unreadable);
        }

        var summary = $"Revealed the value of header '{row.Key}'.";
        await RecordAsync(actor, RevealedAction, webHookId, summary, cancellationToken);

        return new RevealedSecret(SecretAccessResult.Done, value);
    }

    /// <summary>The hook's current signing secret in <c>whsec_</c> form.</summary>
    public async Task<RevealedSecret> RevealSigningSecretAsync(
        ClaimsPrincipal actor,
        int webHookId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (!actor.CanRevealSecrets())
        {
            LogRefused(logger, webHookId, actor.ActorName());

            return new RevealedSecret(SecretAccessResult.Refused);
        }

        if (!await ExistsAsync(webHookId, cancellationToken))
        {
            return new RevealedSecret(SecretAccessResult.NotFound);
        }

        string secret;
        try
        {
            secret = await signingKeys.CurrentAsync(webHookId, cancellationToken);
        }
        catch (UnreadableSecretException exception)
        {
            LogUnreadable(logger, exception, webHookId);

            return new RevealedSecret(SecretAccessResult.Unreadable);
        }

        await RecordAsync(actor, RevealedAction, webHookId, "Revealed the signing secret.", cancellationToken);

        return new RevealedSecret(SecretAccessResult.Done, secret);
    }

    /// <summary>A new signing secret; the previous one keeps signing beside it for a day.</summary>
    public async Task<SecretAccessResult> RotateSigningSecretAsync(
        ClaimsPrincipal actor,
        int webHookId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);

        if (!actor.IsAdmin())
        {
            LogRefused(logger, webHookId, actor.ActorName());

            return SecretAccessResult.Refused;
        }

        if (!await ExistsAsync(webHookId, cancellationToken))
        {
            return SecretAccessResult.NotFound;
        }

        await signingKeys.RotateAsync(
            webHookId,
            context => audit.Record(
                context,
                actor,
                RotatedAction,
                TargetType,
                Id(webHookId),
                "Rotated the signing secret; the previous one keeps signing for 24 hours."),
            cancellationToken);

        return SecretAccessResult.Done;
    }

    /// <summary>
    /// Records that stored header values were shown in clear elsewhere (a preview asked to reveal them); the
    /// caller has checked <see cref="PanelPermissions.CanRevealSecrets"/>.
    /// </summary>
    public async Task RecordRevealedHeadersAsync(
        ClaimsPrincipal actor,
        int webHookId,
        IReadOnlyList<string> headerKeys,
        CancellationToken cancellationToken)
    {
        if (headerKeys.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", headerKeys.Select(k => $"'{k}'"));
        var summary = headerKeys.Count == 1
            ? $"Revealed the value of header {names} in a preview."
            : $"Revealed the values of headers {names} in a preview.";
        await RecordAsync(actor, RevealedAction, webHookId, summary, cancellationToken);
    }

    private static string Id(int webHookId) => webHookId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> ExistsAsync(int webHookId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.WebHooks.AnyAsync(h => h.Id == webHookId && h.DeletedAt == null, cancellationToken);
    }

    private async Task RecordAsync(
        ClaimsPrincipal actor,
        string action,
        int webHookId,
        string summary,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        audit.Record(context, actor, action, TargetType, Id(webHookId), summary);
        await context.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "Refused {Actor} a secret of webhook {WebHookId}: only admins may reveal or rotate secrets")]
    private static partial void LogRefused(ILogger logger, int webHookId, string actor);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "A stored secret of webhook {WebHookId} cannot be decrypted")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, int webHookId);
}
