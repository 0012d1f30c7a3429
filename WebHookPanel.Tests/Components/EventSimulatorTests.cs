using Bunit;
using WebHookPanel.Components.Pages.Simulator;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class EventSimulatorTests : PanelTestContext
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_DefaultTrigger_PrefillsPlausibleValues()
    {
        await UseDispatchingAsync();

        var page = RenderWithPopovers<EventSimulator>();

        Assert.Equal("externalId", page.Find("input[data-testid=user-0-key]").GetAttribute("value"));
        Assert.Equal("42", page.Find("input[data-testid=user-0-value]").GetAttribute("value"));
        Assert.Equal("pushId", page.Find("input[data-testid=context-0-key]").GetAttribute("value"));
        Assert.Equal("iOS", page.Find("input[data-testid=device-0-value]").GetAttribute("value"));
    }

    [Fact]
    public async Task Fire_MatchingHook_ListsItsDeliveryAndTheReceiverGetsTheValues()
    {
        var database = await UseDispatchingAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        var hook = TestData.Hook(receiver.BaseUrl + "/ok/users/{userId}", WebHookMethod.POST);
        hook.Name = "Clicks to CRM";
        hook.Trigger = new Trigger { Type = TriggerType.PushClick };
        hook.Parameters = [TestData.Row("button", ValueSource.Context, "buttonId")];
        var hookId = await database.Store.CreateAsync(hook, TestActors.Admin, WebHookStatus.Active, Cancellation);
        await StartDispatcherAsync();
        var page = RenderWithPopovers<EventSimulator>();

        page.Find("input[data-testid=params-0-value]").Change("u-9");
        page.Find("[data-testid=fire]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=created-deliveries]")));
        var link = page.Find("[data-testid=created-deliveries] a");
        Assert.Equal("Clicks to CRM", link.TextContent.Trim());
        Assert.Equal($"webhooks/{hookId}", link.GetAttribute("href"));
        await Eventually.UntilAsync(() => receiver.Requests.Count == 1, "the receiver got the delivery");
        var request = Assert.Single(receiver.Requests);
        Assert.EndsWith("/ok/users/u-9", request.Url, StringComparison.Ordinal);
        Assert.Equal("{\"button\":\"buy\"}", request.Body);
    }

    [Fact]
    public async Task Fire_NoMatchingHook_SaysSo()
    {
        await UseDispatchingAsync();
        await StartDispatcherAsync();
        var page = RenderWithPopovers<EventSimulator>();

        page.Find("[data-testid=fire]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-deliveries]")));
        Assert.StartsWith("evt_", page.Find("[data-testid=event-id]").TextContent, StringComparison.Ordinal);
    }
}
