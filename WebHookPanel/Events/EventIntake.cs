using FluentValidation.Results;
using WebHookPanel.Api;
using WebHookPanel.Dispatching;
using WebHookPanel.Validation;

namespace WebHookPanel.Events;

/// <summary>
/// How an event enters the panel, for <c>POST /api/events</c> and the simulator alike: checked by the same
/// validator, given an id when it has none, and stored with its deliveries by the dispatcher.
/// </summary>
public sealed class EventIntake(IncomingEventValidator validator, DeliveryDispatcher dispatcher)
{
    public ValidationResult Validate(IncomingEvent evt) => validator.Validate(evt);

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
}
