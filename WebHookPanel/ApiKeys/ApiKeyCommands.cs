using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Validation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.ApiKeys;

/// <summary>
/// Creates and revokes keys for admins, each change with its audit entry in the same transaction. The actor's
/// rights are checked here, whatever page or endpoint calls, so a hidden button is never the only guard.
/// </summary>
public sealed class ApiKeyCommands(
    IDbContextFactory<PanelDbContext> contextFactory,
    NewApiKeyValidator validator,
    AuditTrail audit,
    ApiKeyCache cache,
    TimeProvider timeProvider)
{
    public const string TargetType = "apikey";

    public const string RefusalMessage = "Only admins can create or revoke API keys.";

    private const int PrefixAttempts = 8;

    /// <summary>Checks the form without storing anything: for validation as the admin types.</summary>
    public FormErrors Check(NewApiKey request) => FormErrors.From(validator.Validate(request));

    public async Task<ApiKeyCreation> CreateAsync(
        ClaimsPrincipal actor,
        NewApiKey request,
        CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin())
        {
            return ApiKeyCreation.Refused(RefusalMessage);
        }

        var errors = FormErrors.From(await validator.ValidateAsync(request, cancellationToken));
        if (!errors.IsEmpty)
        {
            return ApiKeyCreation.Invalid(errors);
        }

        var name = request.Name.Trim();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await IsNameTakenAsync(context, name, cancellationToken))
        {
            return ApiKeyCreation.Invalid(NameTaken(name));
        }

        var (key, prefix) = await NewKeyAsync(context, cancellationToken);
        var apiKey = new ApiKey(
            name,
            prefix,
            ApiKeySecret.Hash(key),
            request.Scopes,
            timeProvider.GetUtcNow(),
            actor.ActorName(),
            request.ExpiresAt?.ToUniversalTime());

        try
        {
            await SaveWithAuditAsync(context, apiKey, actor, CreatedSummary(apiKey), cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueNameViolation(exception))
        {
            // Another admin took the name between the check and the insert; the unique index caught it.
            return ApiKeyCreation.Invalid(NameTaken(name));
        }

        cache.Invalidate();

        return ApiKeyCreation.Created(apiKey.Id, apiKey.Name, key);
    }

    public async Task<ApiKeyRevocation> RevokeAsync(ClaimsPrincipal actor, int id, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin())
        {
            return ApiKeyRevocation.Refused;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var apiKey = await context.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (apiKey is null)
        {
            return ApiKeyRevocation.NotFound;
        }

        if (apiKey.RevokedAt is not null)
        {
            return ApiKeyRevocation.AlreadyRevoked;
        }

        apiKey.Revoke(timeProvider.GetUtcNow(), actor.ActorName());
        audit.Record(context, actor, "apikey.revoked", TargetType, Id(apiKey), RevokedSummary(apiKey));
        await context.SaveChangesAsync(cancellationToken);

        // After the commit, so that no request can reload the key as it was before.
        cache.Invalidate();

        return ApiKeyRevocation.Revoked;
    }

    /// <summary>Adds a new key and its <c>apikey.created</c> entry, which names the key by its id.</summary>
    internal async Task SaveWithAuditAsync(
        PanelDbContext context,
        ApiKey apiKey,
        ClaimsPrincipal actor,
        string summary,
        CancellationToken cancellationToken)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        context.ApiKeys.Add(apiKey);
        await context.SaveChangesAsync(cancellationToken);

        audit.Record(context, actor, "apikey.created", TargetType, Id(apiKey), summary);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static string Id(ApiKey apiKey) => apiKey.Id.ToString(CultureInfo.InvariantCulture);

    internal static string Describe(ApiKey apiKey) =>
        apiKey.Prefix is null ? $"'{apiKey.Name}'" : $"'{apiKey.Name}' ({apiKey.Prefix})";

    private static string CreatedSummary(ApiKey apiKey)
    {
        var scopes = string.Join(", ", ApiKeyScopeNames.Of(apiKey.Scopes));
        var expiry = apiKey.ExpiresAt is { } at
            ? "expires " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "does not expire";

        return $"Created API key {Describe(apiKey)} with scopes {scopes}; {expiry}.";
    }

    private static string RevokedSummary(ApiKey apiKey) => $"Revoked API key {Describe(apiKey)}.";

    private static Task<bool> IsNameTakenAsync(PanelDbContext context, string name, CancellationToken token)
    {
        var literal = LikePattern.Literal(name);

        return context.ApiKeys.AnyAsync(
            k => k.RevokedAt == null && EF.Functions.Like(k.Name, literal, LikePattern.EscapeCharacter),
            token);
    }

    private static bool IsUniqueNameViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } inner
        && inner.Message.Contains($"{nameof(PanelDbContext.ApiKeys)}.{nameof(ApiKey.Name)}", StringComparison.Ordinal);

    private static FormErrors NameTaken(string name)
    {
        var errors = new FormErrors();
        errors.Add("Name", $"Name '{name}' is already used by another key that is not revoked; choose another name.");

        return errors;
    }

    private static async Task<(string Key, string Prefix)> NewKeyAsync(PanelDbContext context, CancellationToken token)
    {
        // Prefixes are short enough to collide now and then in a large panel; the cache finds keys by them, and a
        // repeated prefix would make every key unusable, so a key is never made with one.
        for (var attempt = 1; attempt <= PrefixAttempts; attempt++)
        {
            var (key, prefix) = ApiKeySecret.Generate();
            if (!await context.ApiKeys.AnyAsync(k => k.Prefix == prefix, token))
            {
                return (key, prefix);
            }
        }

        throw new InvalidOperationException($"No free API key prefix after {PrefixAttempts} random tries.");
    }
}
