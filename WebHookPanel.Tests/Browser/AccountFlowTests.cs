using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebHookPanel.Accounts;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountFlowTests(BrowserFixture browser)
{
    private const string NewMarketer = "mia@panel.test";

    private const string NewPassword = "mia's long password";

    [Fact]
    public async Task AdminCreatesMarketer_MarketerSignsIn_SeesNoAdminLinks()
    {
        await using var panel = new PanelFactory();
        var address = panel.ServeOnLoopback();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(address, "/admin/users").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(LoginReturningToUsers());
        await BrowserFixture.SaveScreenshotAsync(page, "login");
        await BrowserFixture.SignInAsync(page, PanelRoles.Admin);
        await Assertions.Expect(page).ToHaveURLAsync(UsersPage());
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("new-user-email").FillAsync(NewMarketer);
        await page.GetByTestId("new-user-password").FillAsync("short");
        await page.GetByTestId("new-user-submit").ClickAsync();
        await Assertions.Expect(page.GetByText("The password needs at least 12 characters.")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "users-create-invalid");
        await page.GetByTestId("new-user-password").FillAsync(NewPassword);
        await page.GetByTestId("new-user-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"user-role-{NewMarketer}")).ToHaveTextAsync("Marketer");
        await BrowserFixture.SaveScreenshotAsync(page, "users");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage());
        await page.GetByTestId("login-email").FillAsync(NewMarketer);
        await page.GetByTestId("login-password").FillAsync(NewPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(NewMarketer);
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync(PanelRoles.Marketer);
        await Assertions.Expect(NavLink(page, "WebHooks")).ToBeVisibleAsync();
        await Assertions.Expect(NavLink(page, "Users")).ToHaveCountAsync(0);
        await Assertions.Expect(NavLink(page, "Event simulator")).ToHaveCountAsync(0);
        await BrowserFixture.SaveScreenshotAsync(page, "marketer-home");
        await page.GotoAsync(new Uri(address, "/admin/users").ToString());
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "access-denied");
    }

    [Fact]
    public async Task NoAccount_FirstRunFromLoginPage_CreatesAdminAndSignsIn()
    {
        await using var panel = PanelFactory.With(PanelFactory.NoAccounts);
        var address = panel.ServeOnLoopback();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(address, "/webhooks").ToString());
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Create the first admin" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(FirstRunPage());
        await page.GetByTestId("first-run-email").FillAsync("owner@panel.test");
        await page.GetByTestId("first-run-password").FillAsync(NewPassword);
        await page.GetByTestId("first-run-confirm").FillAsync(NewPassword);
        await BrowserFixture.SaveScreenshotAsync(page, "first-run");
        await page.GetByTestId("first-run-submit").ClickAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("owner@panel.test");
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync(PanelRoles.Admin);
        await Assertions.Expect(NavLink(page, "Users")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpenPage_UserDisabledMeanwhile_LosesAccessWithoutReload()
    {
        await using var panel = PanelFactory.With(new Dictionary<string, string?>
        {
            [$"{AccountOptions.SectionName}:{nameof(AccountOptions.RevalidationInterval)}"] = "00:00:01",
        });
        var address = panel.ServeOnLoopback();
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.OpenInteractiveAsync(context, address, "/webhooks", PanelRoles.Marketer);
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync(PanelRoles.Marketer);
        var users = await panel.Services.GetRequiredService<UserDirectory>().ListAsync(CancellationToken.None);
        var marketer = users.Single(u => u.Email == PanelFactory.MarketerEmail);

        var result = await panel.Services.GetRequiredService<UserCommands>()
            .DisableAsync(TestActors.Admin, marketer.Id, CancellationToken.None);

        Assert.True(result.Succeeded);
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage());
        await Assertions.Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
    }

    private static ILocator NavLink(IPage page, string name) =>
        page.Locator(".mud-navmenu")
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true });

    [GeneratedRegex("/account/login\\?returnUrl=%2Fadmin%2Fusers$")]
    private static partial Regex LoginReturningToUsers();

    [GeneratedRegex("/admin/users$")]
    private static partial Regex UsersPage();

    [GeneratedRegex("/account/login(\\?|$)")]
    private static partial Regex LoginPage();

    [GeneratedRegex("/account/first-run$")]
    private static partial Regex FirstRunPage();
}
