using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebHookPanel.Accounts;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>Signs every request in as the test's admin or marketer (<see cref="TestBrowserOptions.Role"/>).</summary>
public sealed class TestBrowserHandler(
    IOptionsMonitor<TestBrowserOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<TestBrowserOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = Options.Role;
        var name = role == PanelRoles.Admin ? PanelTestContext.AdminName : PanelTestContext.MarketerName;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
            TestAuthentication.BrowserScheme);

        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(identity), TestAuthentication.BrowserScheme)));
    }
}
