using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DeliveryFlowTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string?> LoopbackReceiver = new()
    {
        ["Dispatcher:AllowedPrivateNetworks:0"] = "127.0.0.0/8",
        ["Dispatcher:QuickRetries"] = "0",

        // The receiver holds the first request until the test opens its gate: long enough for any machine.
        ["Dispatcher:AttemptTimeout"] = "00:01:00",
    };

    [Fact]
    public async Task FireFromSimulator_ReceiverAnswersLater_HookPageShowsSucceededWithoutReload()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.GateAfter = 0;
        await using var panel = PanelFactory.With(LoopbackReceiver);
        var address = panel.ServeOnLoopback();
        var hookId = await CreateHookAsync(panel, receiver.BaseUrl + "/gated/users/{userId}");
        await using var context = await browser.NewContextAsync();
        var page = await BrowserFixture.OpenInteractiveAsync(context, address, "/simulator");

        await page.GetByTestId("fire").ClickAsync();
        var link = page.GetByTestId("created-deliveries")
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Clicks to CRM" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "simulator-fired");
        await link.ClickAsync();
        var status = page.Locator("[data-testid^=delivery-status-]");
        await Assertions.Expect(status).ToHaveTextAsync("InFlight");
        await BrowserFixture.SaveScreenshotAsync(page, "hook-page-in-flight");
        await page.EvaluateAsync("window.__sameDocument = true");
        receiver.OpenGate();

        await Assertions.Expect(status).ToHaveTextAsync("Succeeded");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.EndsWith($"/webhooks/{hookId}", page.Url, StringComparison.Ordinal);
        Assert.EndsWith("/gated/users/42", Assert.Single(receiver.Requests).Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid^=delivery-attempts-]")).ToHaveTextAsync("1");
        await BrowserFixture.SaveScreenshotAsync(page, "hook-page-succeeded");

        await ClickUntilVisibleAsync(
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Attempts of delivery" }),
            page.GetByTestId("attempt-status"));
        await Assertions.Expect(page.GetByTestId("attempt-status")).ToHaveTextAsync("200");
        await BrowserFixture.SaveScreenshotAsync(page, "attempt-viewer", fullPage: false);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Close", Exact = true }).First
            .ClickAsync();

        await page.GetByTestId("test-send").ClickAsync();
        await Assertions.Expect(page.GetByLabel("CRM user id {userId}")).ToHaveValueAsync("42");
        await page.GetByTestId("test-send-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("test-send-dialog").GetByTestId("attempt-status"))
            .ToHaveTextAsync("200");
        await BrowserFixture.SaveScreenshotAsync(page, "test-send", fullPage: false);
    }

    /// <summary>
    /// Clicks until <paramref name="shown"/> appears. The page redraws its table when the dispatcher commits, and a
    /// click that lands on a row being redrawn is dropped by the circuit; a person would simply click again.
    /// </summary>
    private static async Task ClickUntilVisibleAsync(ILocator button, ILocator shown)
    {
        var deadline = DateTime.UtcNow + BrowserFixture.Timeout;
        while (true)
        {
            await button.ClickAsync();
            try
            {
                await shown.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 });

                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // The click was lost in a redraw: try again until the overall deadline.
            }
        }
    }

    private static async Task<int> CreateHookAsync(PanelFactory panel, string uri)
    {
        var hook = DispatchTestData.Hook(uri);
        hook.Name = "Clicks to CRM";
        hook.UriParameters = [new UriParameter { Name = "userId", Label = "CRM user id" }];
        hook.Headers =
        [
            new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = "s3cr3t", Secret = true },
        ];
        using var api = panel.CreateApiClient();
        var token = TestContext.Current.CancellationToken;

        using var response = await api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, token);

        return created!.Id!.Value;
    }
}
