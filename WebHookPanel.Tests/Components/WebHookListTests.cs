using Bunit;
using MudBlazor;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class WebHookListTests : PanelTestContext
{
    [Fact]
    public async Task Render_EmptyDatabase_ShowsNoMatches()
    {
        await UseDatabaseAsync();

        var list = RenderWithPopovers<WebHookList>();

        list.WaitForAssertion(() => Assert.Contains("No webhooks match", list.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_AfterHookIsCreated_ShowsItsName()
    {
        var database = await UseDatabaseAsync();
        var list = RenderWithPopovers<WebHookList>();
        list.WaitForAssertion(() => Assert.Contains("No webhooks match", list.Markup, StringComparison.Ordinal));
        var definition = new WebHookDefinition
        {
            Name = "Order shipped",
            Uri = "https://receiver.example/orders",
            Trigger = new Trigger { Type = TriggerType.Event, Filter = "order.shipped" },
        };

        await database.Store.CreateAsync(
            definition,
            TestActors.Admin,
            WebHookStatus.Active,
            Xunit.TestContext.Current.CancellationToken);
        var table = list.FindComponent<MudTable<WebHookSummary>>();
        await list.InvokeAsync(() => table.Instance.ReloadServerData());

        list.WaitForAssertion(() => Assert.Contains("Order shipped", list.Markup, StringComparison.Ordinal));
    }
}
