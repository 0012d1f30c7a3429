using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebHookPanel.Accounts;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Browser;

/// <summary>
/// Lets every page request in as admin@panel.test with the Admin role, for browser tests of admin pages that do
/// not go through a login. API calls still authenticate by their key: the API's policies name their own scheme.
/// </summary>
public sealed class SignedInAdmin(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SignedInAdmin";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SignedInAdmin>(SchemeName, null);
        services.PostConfigure<AuthenticationOptions>(authentication =>
        {
            authentication.DefaultScheme = SchemeName;
            authentication.DefaultAuthenticateScheme = SchemeName;
            authentication.DefaultChallengeScheme = SchemeName;
        });
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Claim[] claims =
        [
            new(ClaimTypes.Name, PanelTestContext.AdminName),
            new(ClaimTypes.Role, PanelRoles.Admin),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
