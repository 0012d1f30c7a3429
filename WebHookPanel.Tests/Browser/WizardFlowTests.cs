using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class WizardFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task CreateHook_ThroughWizard_AppearsInListAndOpensForEditFromItsPage()
    {
        await using var panel = new PanelFactory();
        var address = panel.ServeOnLoopback();
        await using var context = await browser.NewContextAsync();
        var wizard = new WizardPage(await BrowserFixture.OpenInteractiveAsync(context, address, "/webhooks/new"));

        await wizard.FillNameAsync("Push click to CRM");
        await wizard.FillUriAsync("https://crm.example.com/users/{userId}/clicks?c={campaign}");
        await wizard.ValidateParametersAsync();
        await wizard.FillLabelAsync("userId", "CRM user id");
        await wizard.FillLabelAsync("campaign", "Campaign");
        await Assertions.Expect(wizard.TemplateCurl).ToContainTextAsync("curl -X POST '${hook.url}'");
        await wizard.NextAsync();
        await wizard.NextAsync();
        await wizard.AddRowAsync("header", 0, "X-Team", "Fixed value", "growth");
        await wizard.AddRowAsync("parameter", 0, "os", "Device attribute", "platform");
        Assert.Contains("appVersion", await wizard.OfferedAttributesAsync("parameter", 0));
        await wizard.AddRowAsync("parameter", 1, "tier", "Profile attribute", "loyaltyTier");
        await Assertions.Expect(wizard.TemplateCurl).ToContainTextAsync("-H 'X-Team: growth'");
        await Assertions.Expect(wizard.TemplateCurl).ToContainTextAsync(
            "{\"os\":\"${device.platform}\",\"tier\":\"${profile.loyaltyTier}\"}");
        await wizard.NextAsync();
        await Assertions.Expect(wizard.Page.GetByTestId("curl-resolved"))
            .ToContainTextAsync("https://crm.example.com/users/42/clicks?c=winter%20sale");
        await BrowserFixture.SaveScreenshotAsync(wizard.Page, "wizard-review");
        await wizard.SaveAsync();

        await Assertions.Expect(wizard.Page).ToHaveURLAsync(ListUrl());
        var link = wizard.Page.GetByRole(
            AriaRole.Link,
            new PageGetByRoleOptions { Name = "Push click to CRM", Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(wizard.Page, "webhook-list");
        await link.ClickAsync();
        await Assertions.Expect(wizard.Page.GetByTestId("hook-uri")).ToContainTextAsync("crm.example.com/users");
        await wizard.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Edit", Exact = true })
            .ClickAsync();
        await Assertions.Expect(wizard.Page.GetByTestId("name").Locator("input")).ToHaveValueAsync("Push click to CRM");
        await Assertions.Expect(wizard.Page.GetByTestId("uri-parameter-userId").GetByLabel("Label of userId"))
            .ToHaveValueAsync("CRM user id");
    }

    [GeneratedRegex("/webhooks$")]
    private static partial Regex ListUrl();
}
