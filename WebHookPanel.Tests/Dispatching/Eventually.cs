namespace WebHookPanel.Tests.Dispatching;

/// <summary>Checks a condition on a short timer until it holds or the deadline passes; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> done,
        string what,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        using var timer = new PeriodicTimer(Tick);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting: {what}. Last seen: {value}");
            }

            await timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<bool> done, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(done()), d => d, what, timeout);
}
