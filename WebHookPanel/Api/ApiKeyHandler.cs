using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WebHookPanel.ApiKeys;

namespace WebHookPanel.Api;

/// <summary>
/// Authenticates API calls by their <c>X-Api-Key</c> header against the managed keys. The principal is named
/// after the key and carries its scopes as <c>scope</c> claims.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys,
    ApiKeyUsage usage,
    TimeProvider timeProvider) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The setting whose value becomes the managed key named <c>bootstrap</c> at start-up.</summary>
    public const string BootstrapKeySetting = "Panel:BootstrapApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || values.Count != 1)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindAsync(values[0] ?? "", Context.RequestAborted);
        if (key is null)
        {
            // No detail: an unknown, a revoked and an expired key look the same to the caller.
            return AuthenticateResult.Fail("Invalid API key.");
        }

        usage.Record(key.Id, timeProvider.GetUtcNow());

        var claims = new List<Claim>(3) { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(ApiKeyScopeNames.Of(key.Scopes).Select(scope => new Claim(ApiKeyDefaults.ScopeClaim, scope)));
        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme);

        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme);

        return AuthenticateResult.Success(ticket);
    }
}
