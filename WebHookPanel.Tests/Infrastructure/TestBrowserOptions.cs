using Microsoft.AspNetCore.Authentication;
using WebHookPanel.Accounts;

namespace WebHookPanel.Tests.Infrastructure;

public sealed class TestBrowserOptions : AuthenticationSchemeOptions
{
    public string Role { get; set; } = PanelRoles.Admin;
}
