using System.Net;
using WebHookPanel.Accounts;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Accounts;

/// <summary>Which pages answer whom, over plain HTTP as a browser's first request sees them.</summary>
public sealed class PageAccessTests(PanelFactory panel) : IClassFixture<PanelFactory>
{
    [Theory]
    [InlineData("/", "/account/login?returnUrl=%2F")]
    [InlineData("/webhooks", "/account/login?returnUrl=%2Fwebhooks")]
    [InlineData("/webhooks/new", "/account/login?returnUrl=%2Fwebhooks%2Fnew")]
    [InlineData("/admin/users", "/account/login?returnUrl=%2Fadmin%2Fusers")]
    [InlineData("/simulator", "/account/login?returnUrl=%2Fsimulator")]
    public async Task Get_Anonymous_RedirectsToLoginWithReturnUrl(string path, string login)
    {
        using var client = new FormClient(panel);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(login, FormClient.LocationOf(response));
    }

    [Fact]
    public async Task GetApi_Anonymous_Answers401ProblemRatherThanLoginRedirect()
    {
        using var client = new FormClient(panel);

        using var response = await client.GetAsync("/api/webhooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task GetApi_SignedInPersonWithoutKey_Answers401()
    {
        using var client = new FormClient(panel);
        await client.SignInAsAsync(PanelRoles.Admin);

        using var response = await client.GetAsync("/api/webhooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/simulator")]
    public async Task Get_MarketerOnAdminPage_ShowsAccessDenied(string path)
    {
        using var client = new FormClient(panel);
        await client.SignInAsAsync(PanelRoles.Marketer);

        using var response = await client.GetAsync(path);
        var denied = await client.GetPageAsync(FormClient.LocationOf(response)!);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(AccountPaths.AccessDenied, FormClient.LocationOf(response), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"access-denied\"", denied, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PanelRoles.Marketer, "/webhooks")]
    [InlineData(PanelRoles.Marketer, "/webhooks/new")]
    [InlineData(PanelRoles.Admin, "/admin/users")]
    [InlineData(PanelRoles.Admin, "/simulator")]
    public async Task Get_RoleThatMay_AnswersThePage(string role, string path)
    {
        using var client = new FormClient(panel);
        await client.SignInAsAsync(role);

        var page = await client.GetPageAsync(path);

        Assert.Contains("data-testid=\"user-role\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"access-denied\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NavMenu_Marketer_HasNoAdminLinks()
    {
        using var client = new FormClient(panel);
        await client.SignInAsAsync(PanelRoles.Marketer);

        var page = await client.GetPageAsync("/webhooks");

        Assert.DoesNotContain("href=\"admin/users\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"simulator\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"webhooks/new\"", page, StringComparison.Ordinal);
    }
}
