using System.Security.Claims;
using WebHookPanel.Accounts;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Support;

/// <summary>Signed-in people as a component hands them to a service: name and role claims only.</summary>
public static class TestActors
{
    public static ClaimsPrincipal Admin { get; } = Person(PanelFactory.AdminEmail, PanelRoles.Admin);

    public static ClaimsPrincipal Marketer { get; } = Person(PanelFactory.MarketerEmail, PanelRoles.Marketer);

    public static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
