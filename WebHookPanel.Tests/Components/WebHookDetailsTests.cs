using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class WebHookDetailsTests : PanelTestContext
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_HookWithDeliveries_ShowsSummaryAndDeliveriesNewestFirst()
    {
        var database = await UseDispatchingAsync();
        var hookId = await CreateHookAsync(database);
        var first = await AddDeliveryAsync(hookId, "evt-first");
        var second = await AddDeliveryAsync(hookId, "evt-second");

        var page = RenderPage(hookId);

        page.WaitForAssertion(() => Assert.Contains("evt-second", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Order shipped", page.Find("h4").TextContent, StringComparison.Ordinal);
        Assert.Contains("https://receiver.example/orders", page.Find("[data-testid=hook-uri]").TextContent,
            StringComparison.Ordinal);
        Assert.Equal("InFlight", page.Find($"[data-testid=delivery-status-{first}]").TextContent.Trim());
        Assert.Equal("0", page.Find($"[data-testid=delivery-attempts-{second}]").TextContent.Trim());
        Assert.True(
            page.Markup.IndexOf("evt-second", StringComparison.Ordinal)
            < page.Markup.IndexOf("evt-first", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigningSecret_RevealThenRotate_ShowsMaskedSecretAndAnotherOneAfterRotation()
    {
        var database = await UseDispatchingAsync();
        var hookId = await CreateHookAsync(database);
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => page.Find("[data-testid=signing-secret-value]"));
        var masked = page.Find("[data-testid=signing-secret-value]").TextContent;

        page.Find("button[data-testid=signing-secret-reveal]").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain(
            "•",
            page.Find("[data-testid=signing-secret-value]").TextContent,
            StringComparison.Ordinal));
        var first = page.Find("[data-testid=signing-secret-value]").TextContent;
        page.Find("button[data-testid=signing-secret-rotate]").Click();
        page.WaitForAssertion(() => Assert.Contains(
            "•",
            page.Find("[data-testid=signing-secret-value]").TextContent,
            StringComparison.Ordinal));
        page.Find("button[data-testid=signing-secret-reveal]").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain(
            "•",
            page.Find("[data-testid=signing-secret-value]").TextContent,
            StringComparison.Ordinal));
        var second = page.Find("[data-testid=signing-secret-value]").TextContent;

        Assert.Equal("whsec_••••••", masked);
        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Notify_DeliveryFailedMeanwhile_ShowsNewStatusWithoutReload()
    {
        var database = await UseDispatchingAsync();
        var hookId = await CreateHookAsync(database);
        var deliveryId = await AddDeliveryAsync(hookId, "evt-live");
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => Assert.Equal(
            "InFlight",
            page.Find($"[data-testid=delivery-status-{deliveryId}]").TextContent.Trim()));
        await ChangeDeliveryAsync(database, deliveryId, d =>
        {
            d.RecordAttempt();
            d.Fail("the receiver answered 404", database.TimeProvider.GetUtcNow());
        });

        Services.GetRequiredService<DeliveryNotifier>().Notify(new HashSet<int> { hookId });

        page.WaitForAssertion(() => Assert.Equal(
            "Failed",
            page.Find($"[data-testid=delivery-status-{deliveryId}]").TextContent.Trim()));
        Assert.Equal("1", page.Find($"[data-testid=delivery-attempts-{deliveryId}]").TextContent.Trim());
        Assert.Contains("the receiver answered 404", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find($"[data-testid=replay-{deliveryId}]"));
    }

    [Fact]
    public async Task ClickReplay_FailedDelivery_MakesItPendingAgain()
    {
        var database = await UseDispatchingAsync();
        var hookId = await CreateHookAsync(database);
        var deliveryId = await AddDeliveryAsync(hookId, "evt-replay");
        await ChangeDeliveryAsync(database, deliveryId, d => d.Fail("gone wrong", database.TimeProvider.GetUtcNow()));
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=replay-{deliveryId}]")));

        page.Find($"[data-testid=replay-{deliveryId}]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Pending",
            page.Find($"[data-testid=delivery-status-{deliveryId}]").TextContent.Trim()));
        Assert.Equal(DeliveryStatus.Pending, await StatusInDatabaseAsync(database, deliveryId));
        Assert.Empty(page.FindAll($"[data-testid=replay-{deliveryId}]"));
    }

    [Fact]
    public async Task ClickReplay_HookDeletedMeanwhile_SaysSoAndLeavesTheDeliveriesDead()
    {
        var database = await UseDispatchingAsync();
        var hookId = await CreateHookAsync(database);
        var deliveryId = await AddDeliveryAsync(hookId, "evt-deleted");
        await ChangeDeliveryAsync(database, deliveryId, d => d.Die("server error", database.TimeProvider.GetUtcNow()));
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=replay-{deliveryId}]")));
        await database.Store.DeleteAsync(hookId, TestActors.Admin, Cancellation);

        page.Find($"[data-testid=replay-{deliveryId}]").Click();
        await page.InvokeAsync(() => page.Instance.ReplayDeadAsync());

        var shown = Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();
        Assert.Equal(
            [$"Delivery {deliveryId} no longer exists, or its webhook was deleted.", "This webhook no longer exists."],
            shown);
        Assert.Equal(DeliveryStatus.Dead, await StatusInDatabaseAsync(database, deliveryId));
    }

    [Fact]
    public async Task ClickPause_ActiveHook_PausesAndOffersResume()
    {
        var database = await UseDispatchingAsync();
        var hookId = await CreateHookAsync(database);
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=pause]")));

        page.Find("[data-testid=pause]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=resume]")));
        Assert.Equal(WebHookStatus.Paused, (await database.Store.FindAsync(hookId, Cancellation))!.Status);
    }

    private static async Task<int> CreateHookAsync(PanelDatabase database)
    {
        var hook = TestData.Hook("https://receiver.example/orders", WebHookMethod.POST);
        hook.Name = "Order shipped";

        return await database.Store.CreateAsync(hook, TestActors.Admin, WebHookStatus.Active, Cancellation);
    }

    private static async Task ChangeDeliveryAsync(PanelDatabase database, long deliveryId, Action<Delivery> change)
    {
        await using var context = await database.ContextFactory.CreateDbContextAsync(Cancellation);
        var delivery = await context.Deliveries.SingleAsync(d => d.Id == deliveryId, Cancellation);
        change(delivery);
        await context.SaveChangesAsync(Cancellation);
    }

    private static async Task<DeliveryStatus> StatusInDatabaseAsync(PanelDatabase database, long deliveryId)
    {
        await using var context = await database.ContextFactory.CreateDbContextAsync(Cancellation);

        return await context.Deliveries.Where(d => d.Id == deliveryId).Select(d => d.Status).SingleAsync(Cancellation);
    }

    private IRenderedComponent<WebHookDetails> RenderPage(int hookId)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        return RenderWithPopovers<WebHookDetails>(p => p.Add(x => x.Id, hookId));
    }

    // Stored by the dispatcher's own writer, as ingestion does, but never sent: the dispatcher is not running.
    private async Task<long> AddDeliveryAsync(int hookId, string eventId)
    {
        var evt = TestData.Event();
        var done = new TaskCompletionSource();
        var ingest = new DispatchCommand.Ingest([new DispatchCommand.IngestItem(eventId, evt)], done);
        var writer = Services.GetRequiredService<DeliveryBatchWriter>();
        var result = await writer.WriteAsync([ingest], 0, long.MaxValue, Cancellation);

        return result.Work.Single(w => w.WebHookId == hookId).DeliveryId;
    }
}
