using System.Security.Claims;
using WebHookPanel.Accounts;
using WebHookPanel.Api;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Support;

/// <summary>Signed-in people and keys as services see them, for tests that call stores or commands directly.</summary>
public static class TestActors
{
    public static ClaimsPrincipal Admin { get; } = Person(PanelFactory.AdminEmail, PanelRoles.Admin);

    public static ClaimsPrincipal Marketer { get; } = Person(PanelFactory.MarketerEmail, PanelRoles.Marketer);

    /// <summary>An API key that may post events but not administer hooks.</summary>
    public static ClaimsPrincipal EventsKey { get; } = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "events-only-key"),
            new Claim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.EventsWriteScope),
        ],
        ApiKeyDefaults.Scheme));

    public static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
