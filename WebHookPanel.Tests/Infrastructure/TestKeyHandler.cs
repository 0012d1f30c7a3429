using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebHookPanel.Api;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// Stands in for the panel's key handler under its scheme: the bootstrap key with every scope, and
/// <see cref="TestAuthentication.EventsOnlyKey"/> with events:write only.
/// </summary>
public sealed class TestKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string[]? scopes = key.ToString() switch
        {
            PanelFactory.ApiKey => [ApiKeyDefaults.EventsWriteScope, ApiKeyDefaults.WebHooksAdminScope],
            TestAuthentication.EventsOnlyKey => [ApiKeyDefaults.EventsWriteScope],
            _ => null,
        };
        if (scopes is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "test-key"), .. scopes.Select(s => new Claim(ApiKeyDefaults.ScopeClaim, s))],
            ApiKeyDefaults.Scheme);

        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme)));
    }
}
