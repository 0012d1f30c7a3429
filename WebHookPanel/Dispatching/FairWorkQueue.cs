using System.Diagnostics.CodeAnalysis;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The deliveries waiting for a worker, one line per hook, taken in turn: a hook with a slow receiver and a long
/// backlog holds up only its own line, and every other hook's next delivery goes out as soon as a worker is free,
/// rather than after the whole backlog (one first-in-first-out line would make them wait for all of it).
/// </summary>
public sealed class FairWorkQueue
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Queue<DeliveryWork>> _lines = [];
    private readonly Queue<int> _turns = new();
    private readonly SemaphoreSlim _available = new(0);
    private int _count;

    /// <summary>How many deliveries wait.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds a batch of deliveries under one lock and wakes as many workers.</summary>
    public void AddRange(IReadOnlyList<DeliveryWork> works)
    {
        if (works.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var work in works)
            {
                Enqueue(work);
            }
        }

        Interlocked.Add(ref _count, works.Count);
        _available.Release(works.Count);
    }

    /// <summary>Waits for a delivery and takes the next hook's in turn.</summary>
    public async ValueTask<DeliveryWork> TakeAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken);

        return Dequeue();
    }

    /// <summary>Takes a delivery if one waits, e.g. to give back what is left at shutdown.</summary>
    public bool TryTake([NotNullWhen(true)] out DeliveryWork? work)
    {
        if (!_available.Wait(0))
        {
            work = null;

            return false;
        }

        work = Dequeue();

        return true;
    }

    private void Enqueue(DeliveryWork work)
    {
        if (!_lines.TryGetValue(work.WebHookId, out var line))
        {
            line = new Queue<DeliveryWork>();
            _lines[work.WebHookId] = line;
            _turns.Enqueue(work.WebHookId);
        }

        line.Enqueue(work);
    }

    // Each hook with work waits in _turns once; after taking one of its deliveries it goes to the back of the turns
    // if more of its deliveries wait, and its line is dropped once empty.
    private DeliveryWork Dequeue()
    {
        DeliveryWork work;
        lock (_lock)
        {
            var hookId = _turns.Dequeue();
            var line = _lines[hookId];
            work = line.Dequeue();
            if (line.Count > 0)
            {
                _turns.Enqueue(hookId);
            }
            else
            {
                _lines.Remove(hookId);
            }
        }

        Interlocked.Decrement(ref _count);

        return work;
    }
}
