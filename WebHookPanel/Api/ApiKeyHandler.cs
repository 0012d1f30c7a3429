using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Api;

/// <summary>
/// Authenticates API calls by their <c>X-Api-Key</c> header against the bootstrap key of the configuration.
/// The key carries every scope.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string BootstrapKeySetting = "Panel:BootstrapApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || values.Count != 1)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = configuration[BootstrapKeySetting];
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(values[0] ?? "", expected))
        {
            // No detail: a wrong key and an unknown key look the same to the caller.
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, "bootstrap-api-key"),
            new(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.EventsWriteScope),
            new(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.WebHooksAdminScope),
        ];
        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme);

        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme)));
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
