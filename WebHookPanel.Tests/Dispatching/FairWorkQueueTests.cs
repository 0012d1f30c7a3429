using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

public sealed class FairWorkQueueTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Take_OneHookWithABacklogAndAnotherWithOne_TheOtherIsSecondNotLast()
    {
        var queue = new FairWorkQueue();
        queue.AddRange([Work(1, hookId: 7), Work(2, hookId: 7), Work(3, hookId: 7)]);
        queue.AddRange([Work(4, hookId: 8)]);
        queue.AddRange([Work(5, hookId: 9)]);

        long[] taken =
        [
            (await queue.TakeAsync(Token)).DeliveryId,
            (await queue.TakeAsync(Token)).DeliveryId,
            (await queue.TakeAsync(Token)).DeliveryId,
            (await queue.TakeAsync(Token)).DeliveryId,
            (await queue.TakeAsync(Token)).DeliveryId,
        ];

        Assert.Equal([1, 4, 5, 2, 3], taken);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task AddRange_TwoHooks_TakenInTurnAndCounted()
    {
        var queue = new FairWorkQueue();

        queue.AddRange([Work(1, hookId: 7), Work(2, hookId: 7), Work(3, hookId: 8)]);
        var count = queue.Count;
        long[] taken =
        [
            (await queue.TakeAsync(Token)).DeliveryId,
            (await queue.TakeAsync(Token)).DeliveryId,
            (await queue.TakeAsync(Token)).DeliveryId,
        ];

        Assert.Equal(3, count);
        Assert.Equal([1, 3, 2], taken);
    }

    [Fact]
    public async Task Take_NothingWaits_WaitsForTheNextAdd()
    {
        var queue = new FairWorkQueue();

        var taking = queue.TakeAsync(Token).AsTask();
        var waitedFirst = !taking.IsCompleted;
        queue.AddRange([Work(1, hookId: 7)]);

        Assert.True(waitedFirst);
        Assert.Equal(1, (await taking).DeliveryId);
    }

    [Fact]
    public void TryTake_WhatIsLeft_TakesEachOnceThenNothing()
    {
        var queue = new FairWorkQueue();
        queue.AddRange([Work(1, hookId: 7), Work(2, hookId: 8)]);

        var left = new List<long>();
        while (queue.TryTake(out var work))
        {
            left.Add(work.DeliveryId);
        }

        Assert.Equal([1, 2], left);
        Assert.Equal(0, queue.Count);
    }

    private static DeliveryWork Work(long deliveryId, int hookId) =>
        new(deliveryId, hookId, 1, $"msg_{deliveryId}", 0, DateTimeOffset.MaxValue, null, "{}");
}
