using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Api;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;
using WebHookPanel.Validation;

namespace WebHookPanel.Events;

/// <summary>
/// How an event enters the panel, for <c>POST /api/events</c> and the simulator alike: checked by the same
/// validator, given an id when it has none, and stored with its deliveries by the dispatcher.
/// </summary>
public sealed class EventIntake(
    IncomingEventValidator validator,
    DeliveryDispatcher dispatcher,
    IDbContextFactory<PanelDbContext> contextFactory)
{
    public ValidationResult Validate(IncomingEvent evt) => validator.Validate(evt);

    /// <summary>
    /// Each event of a batch whose id an earlier event of the batch has with other content, with the index of that
    /// earlier event. The same event twice is no conflict: it is stored once. Call once the events are valid.
    /// </summary>
    public static IReadOnlyList<(int Index, int Earlier)> FindRepeatedIds(IReadOnlyList<IncomingEvent> events)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<(int Index, int Earlier)>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Id is not { } id || first.TryAdd(id, i))
            {
                continue;
            }

            var earlier = first[id];
            if (!SameContent(events[earlier].ToEvent(id), events[i].ToEvent(id)))
            {
                repeated.Add((i, earlier));
            }
        }

        return repeated;
    }

    /// <summary>
    /// The indexes of the events whose id is already stored for a different event. A client's id is an idempotency
    /// key: the same event sent again is accepted and stored once, but other content under a used id would be
    /// dropped unseen, so the caller refuses it instead. Call once the events are valid.
    /// </summary>
    /// <remarks>
    /// Read before ingestion, outside the writer's transaction: two requests at the same moment with the same new
    /// id and different content can both pass, and the writer then keeps the first and drops the other silently.
    /// Closing that would take the check into the writer's batch; the window is one commit wide.
    /// </remarks>
    public async Task<IReadOnlyList<int>> FindReusedIdsAsync(
        IReadOnlyList<IncomingEvent> events,
        CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await context.Events.AsNoTracking()
            .Where(e => ids.Contains(e.ClientId))
            .Select(e => new { e.ClientId, e.PayloadJson })
            .ToDictionaryAsync(e => e.ClientId, e => e.PayloadJson, StringComparer.Ordinal, cancellationToken);

        var reused = new List<int>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Id is { } id && stored.TryGetValue(id, out var payload)
                && !SameContent(StoredEvent.ReadPayload(payload), events[i].ToEvent(id)))
            {
                reused.Add(i);
            }
        }

        return reused;
    }

    /// <summary>
    /// Stores events that passed <see cref="Validate"/> and returns their ids in order, once committed. Throws
    /// <see cref="InvalidOperationException"/> when the dispatcher is shutting down.
    /// </summary>
    public async Task<IReadOnlyList<string>> IngestAsync(
        IReadOnlyList<IncomingEvent> events,
        CancellationToken cancellationToken)
    {
        var items = new List<DispatchCommand.IngestItem>(events.Count);
        foreach (var evt in events)
        {
            var id = evt.Id ?? $"evt_{Guid.CreateVersion7():N}";
            items.Add(new DispatchCommand.IngestItem(id, evt.ToEvent(id)));
        }

        await dispatcher.IngestAsync(items, cancellationToken);

        return [.. items.Select(i => i.ClientId)];
    }

    // Field by field, as stored; the maps compare as sets, since a client may send its keys in another order.
    private static bool SameContent(WebHookEvent stored, WebHookEvent sent) =>
        stored.Type == sent.Type
        && string.Equals(stored.Code, sent.Code, StringComparison.Ordinal)
        && SameTime(stored.OccurredAt, sent.OccurredAt)
        && SameValues(stored.User, sent.User)
        && SameValues(stored.Device, sent.Device)
        && SameValues(stored.Context, sent.Context)
        && SameValues(stored.Params, sent.Params);

    // The offset too: the stored event keeps the one it was sent with.
    private static bool SameTime(DateTimeOffset? stored, DateTimeOffset? sent) =>
        stored is { } at ? sent is { } other && at.EqualsExact(other) : sent is null;

    private static bool SameValues(Dictionary<string, string?> stored, Dictionary<string, string?> sent) =>
        stored.Count == sent.Count
        && stored.All(p => sent.TryGetValue(p.Key, out var value)
            && string.Equals(p.Value, value, StringComparison.Ordinal));
}
