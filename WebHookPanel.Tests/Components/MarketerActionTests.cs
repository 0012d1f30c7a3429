using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Deliveries;
using WebHookPanel.Components.Pages.Simulator;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

/// <summary>
/// A marketer sees no admin buttons, and the actions behind them refuse a marketer on their own: a click that
/// arrives from a page opened under another role, or a forged one, changes nothing.
/// </summary>
public sealed class MarketerActionTests : PanelTestContext
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_Marketer_HasNoDeleteButtonAndDeleteIsRefused()
    {
        var database = await UseDatabaseAsync();
        var hookId = await database.Store.CreateAsync(Hook(), TestActors.Admin, WebHookStatus.Active, Cancellation);
        var summary = (await database.Store.ListAsync(new WebHookQuery(), Cancellation)).Items.Single();
        SignInAs(PanelRoles.Marketer);
        var list = RenderWithPopovers<WebHookList>();
        list.WaitForAssertion(() => Assert.Contains("Order shipped", list.Markup, StringComparison.Ordinal));

        await list.InvokeAsync(() => list.Instance.DeleteAsync(summary));

        Assert.Empty(list.FindAll("button[aria-label='Delete Order shipped']"));
        Assert.NotNull(list.Find("a[aria-label='Edit Order shipped']"));
        Assert.NotNull(await database.Store.FindAsync(hookId, Cancellation));
        Assert.Contains(Snackbars(), m => m == "Only an admin can delete webhooks.");
    }

    [Fact]
    public async Task List_Admin_HasDeleteButton()
    {
        var database = await UseDatabaseAsync();
        await database.Store.CreateAsync(Hook(), TestActors.Admin, WebHookStatus.Active, Cancellation);

        var list = RenderWithPopovers<WebHookList>();

        list.WaitForAssertion(() => Assert.NotNull(list.Find("button[aria-label='Delete Order shipped']")));
    }

    [Fact]
    public async Task HookPage_Marketer_SeesDeliveriesButNoAdminButtonsAndActionsAreRefused()
    {
        var database = await UseDispatchingAsync();
        var hookId = await database.Store.CreateAsync(Hook(), TestActors.Admin, WebHookStatus.Active, Cancellation);
        var deliveryId = await AddFailedDeliveryAsync(database, hookId);
        SignInAs(PanelRoles.Marketer);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = RenderWithPopovers<WebHookDetails>(p => p.Add(x => x.Id, hookId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=delivery-status-{deliveryId}]")));
        var deliveries = Services.GetRequiredService<DeliveryCommands>();
        var delivery = (await deliveries.ListAsync(hookId, null, 1, DeliveryCommands.PageSize, Cancellation))!
            .Items.Single();

        await page.InvokeAsync(() => page.Instance.ReplayAsync(delivery));
        await page.InvokeAsync(() => page.Instance.ReplayDeadAsync());
        await page.InvokeAsync(() => page.Instance.PauseAsync());
        await page.InvokeAsync(() => page.Instance.OpenTestSendAsync());

        foreach (var button in new[] { "test-send", "pause", "resume", "replay-dead", $"replay-{deliveryId}" })
        {
            Assert.Empty(page.FindAll($"[data-testid={button}]"));
        }

        Assert.Equal(DeliveryStatus.Failed, await StatusAsync(database, deliveryId));
        Assert.Equal(WebHookStatus.Active, (await database.Store.FindAsync(hookId, Cancellation))!.Status);
        Assert.Empty(page.FindComponents<TestSendDialog>());
        Assert.Equal(
            [
                "Only an admin can replay deliveries.",
                "Only an admin can pause webhooks.",
                "Only an admin can send test requests.",
            ],
            Snackbars().Distinct());
    }

    [Fact]
    public async Task TestSend_Marketer_IsRefusedAndTheReceiverSeesNothing()
    {
        var database = await UseDispatchingAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        var hook = TestData.Hook(receiver.BaseUrl + "/ok/orders", WebHookMethod.POST);
        var hookId = await database.Store.CreateAsync(hook, TestActors.Admin, WebHookStatus.Active, Cancellation);
        SignInAs(PanelRoles.Marketer);
        var provider = RenderWithPopovers<MudDialogProvider>();
        var parameters = new DialogParameters<TestSendDialog> { { d => d.WebHookId, hookId }, { d => d.Hook, hook } };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>()
            .ShowAsync<TestSendDialog>("Test send", parameters));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=test-send-submit]")));

        provider.Find("[data-testid=test-send-submit]").Click();

        provider.WaitForAssertion(() => Assert.Equal(
            "Only an admin can send test requests.",
            provider.Find("[data-testid=test-send-error]").TextContent.Trim()));
        Assert.Empty(provider.FindAll("[data-testid=attempt-status]"));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Simulator_Marketer_FiringIsRefusedAndNoEventIsStored()
    {
        var database = await UseDispatchingAsync();
        SignInAs(PanelRoles.Marketer);
        var page = RenderWithPopovers<EventSimulator>();

        page.Find("[data-testid=fire]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "Only an admin can fire events.",
            page.Markup,
            StringComparison.Ordinal));
        await using var context = await database.ContextFactory.CreateDbContextAsync(Cancellation);
        Assert.Equal(0, await context.Events.CountAsync(Cancellation));
    }

    private static WebHookDefinition Hook()
    {
        var hook = TestData.Hook("https://receiver.example/orders", WebHookMethod.POST);
        hook.Name = "Order shipped";

        return hook;
    }

    private static async Task<DeliveryStatus> StatusAsync(PanelDatabase database, long deliveryId)
    {
        await using var context = await database.ContextFactory.CreateDbContextAsync(Cancellation);

        return await context.Deliveries.Where(d => d.Id == deliveryId).Select(d => d.Status).SingleAsync(Cancellation);
    }

    private List<string> Snackbars() =>
        [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "")];

    // Stored by the dispatcher's own writer as ingestion does, then failed; the dispatcher is not running.
    private async Task<long> AddFailedDeliveryAsync(PanelDatabase database, int hookId)
    {
        var done = new TaskCompletionSource();
        var ingest = new DispatchCommand.Ingest([new DispatchCommand.IngestItem("evt-1", TestData.Event())], done);
        var writer = Services.GetRequiredService<DeliveryBatchWriter>();
        var result = await writer.WriteAsync([ingest], 0, long.MaxValue, Cancellation);
        var deliveryId = result.Work.Single(w => w.WebHookId == hookId).DeliveryId;
        await using var context = await database.ContextFactory.CreateDbContextAsync(Cancellation);
        var delivery = await context.Deliveries.SingleAsync(d => d.Id == deliveryId, Cancellation);
        delivery.Fail("gone wrong", database.TimeProvider.GetUtcNow());
        await context.SaveChangesAsync(Cancellation);

        return deliveryId;
    }
}
