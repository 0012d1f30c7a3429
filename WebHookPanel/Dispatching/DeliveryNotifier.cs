namespace WebHookPanel.Dispatching;

/// <summary>
/// Tells open pages that a hook's delivery rows changed: the dispatcher's writer signals after each commit with the
/// hooks the batch touched, so a page hears only of its own hook. A signal carries no rows; subscribers read them
/// again, so a missed or merged signal loses nothing.
/// </summary>
public sealed class DeliveryNotifier
{
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];

    /// <summary>
    /// Calls <paramref name="onChanged"/> on the writer's thread after each commit that touched the hook, until
    /// disposed.
    /// </summary>
    public IDisposable Subscribe(int webHookId, Action onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        var subscriber = new Subscriber(webHookId, onChanged);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    public void Notify(IReadOnlySet<int> webHookIds)
    {
        ArgumentNullException.ThrowIfNull(webHookIds);
        if (webHookIds.Count == 0)
        {
            return;
        }

        // A copy-on-write array: the writer never takes the lock, and a subscriber may leave while it is called.
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (!webHookIds.Contains(subscriber.WebHookId))
            {
                continue;
            }

            try
            {
                subscriber.OnChanged();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The batch is already committed: a page that fails to hear of it must not fail the writer.
            }
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, subscriber);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
        }
    }

    private sealed record Subscriber(int WebHookId, Action OnChanged);

    private sealed class Subscription(DeliveryNotifier notifier, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                notifier.Unsubscribe(subscriber);
            }
        }
    }
}
