using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Pages.Admin;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;

namespace WebHookPanel.Tests.Components;

public sealed class UsersPageTests : PanelTestContext
{
    private const string Password = "a password of some length";

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_Accounts_ListsEachWithRoleAndState()
    {
        var database = await SeedAsync();
        var disabled = await CreateAsync(database, "gone@panel.test", PanelRoles.Marketer);
        await database.UserCommands.DisableAsync(TestActors.Admin, disabled.Id, Cancellation);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(
            "Admin",
            page.Find($"[data-testid='user-role-{PanelFactory.AdminEmail}']").TextContent.Trim()));
        Assert.Equal("Marketer", TextOf(page, $"user-role-{PanelFactory.MarketerEmail}"));
        Assert.Equal("Active", TextOf(page, $"user-state-{PanelFactory.MarketerEmail}"));
        Assert.StartsWith(
            "Disabled since",
            page.Find("[data-testid='user-state-gone@panel.test']").TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.NotNull(page.Find("button[aria-label='Enable gone@panel.test']"));
    }

    [Fact]
    public async Task Create_BadEmailAndShortPassword_ShowsEachMessageUnderItsField()
    {
        await SeedAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        page.Find("[data-testid=new-user]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=new-user-email]").Change("not-an-email"));
        dialogs.Find("input[data-testid=new-user-password]").Change("short");
        dialogs.Find("[data-testid=new-user-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "Enter an email address such as name@example.com.",
            HelperOf(dialogs, "new-user-email")));
        Assert.Equal("The password needs at least 12 characters.", HelperOf(dialogs, "new-user-password"));
        Assert.Equal(2, (await Services.GetRequiredService<UserDirectory>().ListAsync(Cancellation)).Count);
    }

    [Fact]
    public async Task Create_ValidInput_ClosesTheDialogAndListsTheUser()
    {
        await SeedAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        page.Find("[data-testid=new-user]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=new-user-email]").Change("new@panel.test"));
        dialogs.Find("input[data-testid=new-user-password]").Change(Password);
        dialogs.Find("[data-testid=new-user-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Marketer",
            page.Find("[data-testid='user-role-new@panel.test']").TextContent.Trim()));
        Assert.Empty(dialogs.FindAll("[data-testid=create-user-dialog]"));
    }

    [Fact]
    public async Task MakeAdmin_Marketer_ChangesTheRole()
    {
        await SeedAsync();
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find($"button[aria-label='Make admin: {PanelFactory.MarketerEmail}']"));

        page.Find($"button[aria-label='Make admin: {PanelFactory.MarketerEmail}']").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Admin",
            page.Find($"[data-testid='user-role-{PanelFactory.MarketerEmail}']").TextContent.Trim()));
    }

    [Fact]
    public async Task MakeMarketer_LastActiveAdmin_IsRefusedWithAReason()
    {
        await SeedAsync();
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find($"button[aria-label='Make marketer: {PanelFactory.AdminEmail}']"));

        page.Find($"button[aria-label='Make marketer: {PanelFactory.AdminEmail}']").Click();

        page.WaitForAssertion(() => Assert.Contains(
            $"{PanelFactory.AdminEmail} is the last active admin: make another user an admin first.",
            Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        Assert.Equal("Admin", page.Find($"[data-testid='user-role-{PanelFactory.AdminEmail}']").TextContent.Trim());
    }

    private static string TextOf(IRenderedComponent<Users> page, string testId) =>
        page.Find($"[data-testid='{testId}']").TextContent.Trim();

    private static string? HelperOf(IRenderedComponent<MudDialogProvider> dialogs, string field) =>
        dialogs.Find($"input[data-testid={field}]")
            .Closest(".mud-input-control")?
            .QuerySelector(".mud-input-helper-text.mud-input-error")?
            .TextContent.Trim();

    private static async Task<UserView> CreateAsync(PanelDatabase database, string email, string role)
    {
        var result = await database.UserCommands.CreateAsync(
            TestActors.Admin,
            new NewUser { Email = email, Role = role, Password = Password },
            Cancellation);
        Assert.True(result.Succeeded);

        return (await database.UserDirectory.ListAsync(Cancellation)).Single(u => u.Email == email);
    }

    private async Task<PanelDatabase> SeedAsync()
    {
        var database = await UseDatabaseAsync();
        await database.UserCommands.CreateFirstAdminAsync(PanelFactory.AdminEmail, Password, "test", Cancellation);
        await CreateAsync(database, PanelFactory.MarketerEmail, PanelRoles.Marketer);

        return database;
    }

    private IRenderedComponent<Users> RenderPage() => RenderWithPopovers<Users>();
}
