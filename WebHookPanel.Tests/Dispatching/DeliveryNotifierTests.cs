using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

public sealed class DeliveryNotifierTests
{
    [Fact]
    public void Notify_CommitTouchedOtherHooks_LeavesThisHooksPageAlone()
    {
        var notifier = new DeliveryNotifier();
        var heard = new List<int>();
        using var first = notifier.Subscribe(1, () => heard.Add(1));
        using var second = notifier.Subscribe(2, () => heard.Add(2));

        notifier.Notify(new HashSet<int> { 2, 3 });

        Assert.Equal([2], heard);
    }

    [Fact]
    public void Notify_AfterDispose_CallsNoMore()
    {
        var notifier = new DeliveryNotifier();
        var calls = 0;
        var subscription = notifier.Subscribe(1, () => calls++);

        notifier.Notify(new HashSet<int> { 1 });
        subscription.Dispose();
        notifier.Notify(new HashSet<int> { 1 });

        Assert.Equal(1, calls);
    }
}
