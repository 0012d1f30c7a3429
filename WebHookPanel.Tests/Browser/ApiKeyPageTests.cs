using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using WebHookPanel.Api;
using WebHookPanel.Tests.ApiKeys;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApiKeyPageTests(BrowserFixture browser)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateKey_InTheBrowser_WorksForItsScopeUntilRevoked()
    {
        await using var panel = new PanelFactory();
        var address = panel.ServeOnLoopback();
        using var api = new HttpClient { BaseAddress = address };
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.OpenInteractiveAsync(context, address, "/admin/api-keys");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create API key" }).ClickAsync();
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync("Load test");
        await page.GetByText("post events to /api/events").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create", Exact = true }).ClickAsync();
        var shown = page.GetByTestId("apikey-created-key");
        await Assertions.Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whp_"));
        var key = (await shown.TextContentAsync())!.Trim();
        await BrowserFixture.SaveScreenshotAsync(page, "apikey-created");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "I have copied it" }).ClickAsync();
        await Assertions.Expect(shown).ToHaveCountAsync(0);

        using var events = await SendAsync(api, HttpMethod.Post, "/api/events", key);
        using var hooks = await SendAsync(api, HttpMethod.Get, "/api/webhooks", key);
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hooks.StatusCode);

        var row = Assert.Single(await ApiKeyTestData.RowsAsync(panel.Services, "Load test"));
        await Eventually.UntilAsync(
            () => ApiKeyTestData.RowAsync(panel.Services, row.Id),
            stored => stored.LastUsedAt is not null,
            "the key's last use is written");
        await page.ReloadAsync();
        var listed = page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = "Load test" });
        await Assertions.Expect(listed.GetByTestId("apikey-last-used")).Not.ToHaveTextAsync("never");
        Assert.DoesNotContain(key[11..], await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.SaveScreenshotAsync(page, "apikey-list");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke Load test" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(listed.GetByTestId("apikey-state")).ToContainTextAsync("Revoked");
        using var revoked = await SendAsync(api, HttpMethod.Post, "/api/events", key);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);

        await page.GotoAsync(new Uri(address, "/admin/audit").ToString());
        await Assertions.Expect(page.GetByTestId("audit-action-cell").First).ToHaveTextAsync("apikey.revoked");
        await BrowserFixture.SaveScreenshotAsync(page, "audit-log");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ApiKeyDefaults.HeaderName, key);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(DispatchTestData.Event());
        }

        return await api.SendAsync(request, Cancellation);
    }
}
