using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using WebHookPanel.Secrets;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SecretFlowTests(BrowserFixture browser)
{
    private const string ApiKey = "s3cr3t-browser-key-42";

    [Fact]
    public async Task OpenSecretHook_WizardAndHookPage_ShowMasksAndSnippetsButNoSecret()
    {
        await using var panel = new PanelFactory();
        var address = panel.ServeOnLoopback();
        var hookId = await CreateHookAsync(panel);
        await using var context = await browser.NewContextAsync();
        var edit = await BrowserFixture.OpenInteractiveAsync(context, address, $"/webhooks/{hookId}/edit");
        var wizard = new WizardPage(edit);

        await wizard.NextAsync();
        await wizard.NextAsync();
        var value = wizard.Page.GetByTestId("header-0-value").Locator("input");
        await Assertions.Expect(value).ToHaveAttributeAsync("type", "password");
        await Assertions.Expect(value).ToHaveAttributeAsync("placeholder", "unchanged");
        await Assertions.Expect(value).ToHaveValueAsync("");
        await Assertions.Expect(wizard.TemplateCurl).ToContainTextAsync($"-H 'X-Api-Key: {SecretMask.Value}'");
        Assert.DoesNotContain(ApiKey, await wizard.Page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.SaveScreenshotAsync(wizard.Page, "wizard-secret-masked");

        var page = await BrowserFixture.OpenInteractiveAsync(context, address, $"/webhooks/{hookId}");
        await Assertions.Expect(page.GetByTestId("hook-header-0-value")).ToHaveTextAsync(SecretMask.Value);
        await Assertions.Expect(page.GetByTestId("snippet-csharp")).ToContainTextAsync("HMACSHA256");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Python" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("snippet-python")).ToContainTextAsync("hmac.compare_digest");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "C#" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("snippet-csharp")).ToBeVisibleAsync();
        Assert.DoesNotContain(ApiKey, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.SaveScreenshotAsync(page, "hook-page-snippets");
    }

    private static async Task<int> CreateHookAsync(PanelFactory panel)
    {
        using var api = panel.CreateApiClient();
        var hook = new WebHookResource
        {
            Name = "Clicks to CRM",
            Uri = "https://crm.example.com/users/{userId}/clicks",
            UriParameters = [new UriParameter { Name = "userId", Label = "CRM user id" }],
            Headers =
            [
                new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = ApiKey, Secret = true },
                new FieldRow { Key = "X-Email", Source = ValueSource.Profile, Value = "email" },
            ],
            Parameters = [new FieldRow { Key = "button", Source = ValueSource.Context, Value = "buttonId" }],
            Signing = new SigningSettings { Enabled = true },
        };
        using var response = await api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        return (await response.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Token))!.Id!.Value;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
