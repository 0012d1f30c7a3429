using WebHookPanel.Events;

namespace WebHookPanel.Dispatching;

/// <summary>A claimed delivery on its way to a sender. Fresh ones carry their event; claimed ones its JSON.</summary>
public sealed record DeliveryWork(
    long DeliveryId,
    int WebHookId,
    int WebHookVersion,
    string MessageId,
    // The schedule steps used when it was claimed: under the lease nobody else changes it.
    int ScheduleStep,
    DateTimeOffset LeaseUntil,
    WebHookEvent? Event,
    string? PayloadJson);
