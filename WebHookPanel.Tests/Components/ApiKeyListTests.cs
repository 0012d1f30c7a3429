using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.ApiKeys;
using WebHookPanel.Components.Pages.Admin;
using WebHookPanel.Tests.ApiKeys;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Components;

public sealed class ApiKeyListTests : PanelTestContext
{
    [Fact]
    public async Task Create_ValidForm_ShowsTheKeyOnceAndStoresOnlyItsHash()
    {
        await UseKeysAsync();
        var (dialogs, page) = RenderPage();

        CreateInDialog(dialogs, page, "CRM sync");
        var key = dialogs.WaitForElement("[data-testid=apikey-created-key]").TextContent.Trim();
        dialogs.Find("[data-testid=apikey-created-done]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=apikey-created-dialog]")));
        page.WaitForAssertion(() => Assert.Equal("CRM sync", page.Find("[data-testid=apikey-name]").TextContent));
        Assert.Contains(key[..10], page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(key[11..], page.Markup + dialogs.Markup, StringComparison.Ordinal);
        var row = Assert.Single(await ApiKeyTestData.RowsAsync(Services, "CRM sync"));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), row.Hash);
        Assert.Equal(ApiKeyScopes.EventsWrite, row.Scopes);
        Assert.Equal(AdminName, row.CreatedBy);
    }

    [Fact]
    public async Task Create_EmptyForm_NamesEachFieldAndStoresNothing()
    {
        await UseKeysAsync();
        var (dialogs, page) = RenderPage();
        page.Find("[data-testid=apikey-create]").Click();

        dialogs.WaitForElement("[data-testid=new-apikey-submit]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Name is required", dialogs.Markup, StringComparison.Ordinal));
        dialogs.Find("#apikey-name").Input("Nightly export");

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Name is required", dialogs.Markup,
            StringComparison.Ordinal));
        Assert.Contains("Scopes: choose at least one", dialogs.Find("[data-testid=scopes-error]").TextContent,
            StringComparison.Ordinal);
        Assert.NotEmpty(dialogs.FindAll("[data-testid=new-apikey-dialog]"));
        Assert.Empty(await ApiKeyTestData.RowsAsync(Services, "Nightly export"));
    }

    [Fact]
    public async Task Create_ExpiryInThePast_NamesTheExpiry()
    {
        await UseKeysAsync();
        var (dialogs, page) = RenderPage();
        page.Find("[data-testid=apikey-create]").Click();
        dialogs.WaitForElement("#apikey-name").Input("Old");
        dialogs.Find("input[data-testid=scope-events-write]").Change(true);

        dialogs.Find("#apikey-expires").Change("2020-01-01");
        dialogs.Find("[data-testid=new-apikey-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Expires must be in the future", dialogs.Markup,
            StringComparison.Ordinal));
        Assert.Empty(await ApiKeyTestData.RowsAsync(Services, "Old"));
    }

    [Fact]
    public async Task Create_ExpiryOnTheCalendarsLastDay_StoresTheKeyUntilTheEndOfTime()
    {
        await UseKeysAsync();
        var (dialogs, page) = RenderPage();
        page.Find("[data-testid=apikey-create]").Click();
        dialogs.WaitForElement("#apikey-name").Input("Forever");
        dialogs.Find("input[data-testid=scope-events-write]").Change(true);

        dialogs.Find("#apikey-expires").Change("9999-12-31");
        dialogs.Find("[data-testid=new-apikey-submit]").Click();

        dialogs.WaitForElement("[data-testid=apikey-created-key]");
        var row = Assert.Single(await ApiKeyTestData.RowsAsync(Services, "Forever"));
        Assert.True(row.ExpiresAt > new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), $"{row.ExpiresAt}");
    }

    [Fact]
    public async Task Create_NameOfAnUnrevokedKey_IsRefusedByName()
    {
        await UseKeysAsync();
        await ApiKeyTestData.CreateAsync(Services, "Shared name", ApiKeyScopes.EventsWrite);
        var (dialogs, page) = RenderPage();

        CreateInDialog(dialogs, page, "shared NAME");

        dialogs.WaitForAssertion(() => Assert.Contains("is already used by another key", dialogs.Markup,
            StringComparison.Ordinal));
        Assert.Single(await ApiKeyTestData.RowsAsync(Services, "Shared name"));
    }

    [Fact]
    public async Task Revoke_Confirmed_MarksTheKeyRevokedAndAuditsIt()
    {
        await UseKeysAsync();
        var (key, id) = await ApiKeyTestData.CreateAsync(Services, "Old CRM", ApiKeyScopes.EventsWrite);
        var (dialogs, page) = RenderPage();

        page.WaitForElement("[data-testid=apikey-revoke]").Click();
        ConfirmRevoke(dialogs);

        page.WaitForAssertion(() => Assert.StartsWith("Revoked", page.Find("[data-testid=apikey-state]").TextContent
            .Trim(), StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=apikey-revoke]"));
        Assert.NotNull((await ApiKeyTestData.RowAsync(Services, id)).RevokedAt);
        var revoked = (await ApiKeyTestData.AuditAsync(Services, id.ToString(CultureInfo.InvariantCulture)))[^1];
        Assert.Equal(("apikey.revoked", AdminName), (revoked.Action, revoked.Actor));
        Assert.Null(await Services.GetRequiredService<ApiKeyCache>().FindAsync(key, Xunit.TestContext.Current
            .CancellationToken));
    }

    [Fact]
    public async Task Marketer_CreateIsRefusedOnTheServer()
    {
        SignInAs(PanelRoles.Marketer);
        await UseKeysAsync();
        var (dialogs, page) = RenderPage();

        CreateInDialog(dialogs, page, "Sneaky");

        dialogs.WaitForAssertion(() => Assert.Equal(
            ApiKeyCommands.RefusalMessage,
            dialogs.Find("[data-testid=new-apikey-refused]").TextContent.Trim()));
        Assert.Empty(dialogs.FindAll("[data-testid=apikey-created-dialog]"));
        Assert.Empty(await ApiKeyTestData.RowsAsync(Services, "Sneaky"));
    }

    [Fact]
    public async Task Marketer_RevokeIsRefusedOnTheServer()
    {
        SignInAs(PanelRoles.Marketer);
        await UseKeysAsync();
        var (key, id) = await ApiKeyTestData.CreateAsync(Services, "Kept", ApiKeyScopes.EventsWrite);
        var (dialogs, page) = RenderPage();

        page.WaitForElement("[data-testid=apikey-revoke]").Click();
        ConfirmRevoke(dialogs);

        var snackbar = Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(
            snackbar.ShownSnackbars,
            s => s.Message == ApiKeyCommands.RefusalMessage));
        Assert.StartsWith("Active", page.Find("[data-testid=apikey-state]").TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.Null((await ApiKeyTestData.RowAsync(Services, id)).RevokedAt);
        var audit = await ApiKeyTestData.AuditAsync(Services, id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(["apikey.created"], audit.Select(e => e.Action));
        Assert.NotNull(await Services.GetRequiredService<ApiKeyCache>().FindAsync(key, Xunit.TestContext.Current
            .CancellationToken));
    }

    private async Task UseKeysAsync()
    {
        await UseDatabaseAsync();
        Services.AddApiKeys();
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ApiKeyList> Page) RenderPage()
    {
        var dialogs = RenderWithPopovers<MudDialogProvider>();
        var page = Render<ApiKeyList>();
        page.WaitForElement("[data-testid=apikey-table]");

        return (dialogs, page);
    }

    // Fills in a name and the events:write scope, and submits.
    private static void CreateInDialog(
        IRenderedComponent<MudDialogProvider> dialogs,
        IRenderedComponent<ApiKeyList> page,
        string name)
    {
        page.Find("[data-testid=apikey-create]").Click();
        dialogs.WaitForElement("#apikey-name").Input(name);
        dialogs.Find("input[data-testid=scope-events-write]").Change(true);
        dialogs.Find("[data-testid=new-apikey-submit]").Click();
    }

    private static void ConfirmRevoke(IRenderedComponent<MudDialogProvider> dialogs)
    {
        IElement? confirm = null;
        dialogs.WaitForAssertion(() =>
            confirm = dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke"));
        confirm!.Click();
    }
}
