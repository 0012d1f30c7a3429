namespace WebHookPanel.Dispatching;

/// <summary>
/// Tells open pages that delivery rows changed: the dispatcher's writer signals after each commit. A signal carries
/// no data; subscribers read the rows again, so a missed or merged signal loses nothing.
/// </summary>
public sealed class DeliveryNotifier
{
    private readonly Lock _gate = new();
    private Action[] _subscribers = [];

    /// <summary>Calls <paramref name="onChanged"/> on the writer's thread after each commit until disposed.</summary>
    public IDisposable Subscribe(Action onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChanged];
        }

        return new Subscription(this, onChanged);
    }

    public void Notify()
    {
        // A copy-on-write array: the writer never takes the lock, and a subscriber may leave while it is called.
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The batch is already committed: a page that fails to hear of it must not fail the writer.
            }
        }
    }

    private void Unsubscribe(Action onChanged)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, onChanged);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(DeliveryNotifier notifier, Action onChanged) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                notifier.Unsubscribe(onChanged);
            }
        }
    }
}
