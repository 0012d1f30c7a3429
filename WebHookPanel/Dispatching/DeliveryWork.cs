using WebHookPanel.Events;

namespace WebHookPanel.Dispatching;

/// <summary>
/// A claimed delivery on its way to a sender. All carry the event's JSON; fresh ones the event read already.
/// </summary>
public sealed record DeliveryWork(
    long DeliveryId,
    int WebHookId,
    int WebHookVersion,
    string MessageId,
    // The schedule steps used when it was claimed: under the lease nobody else changes it.
    int ScheduleStep,
    DateTimeOffset LeaseUntil,
    WebHookEvent? Event,
    string? PayloadJson,
    // Waits in a row for its host's open circuit, which make the next wait longer.
    int Deferrals = 0,
    // How many deliveries handed out together hold this one event in memory: each counts its share.
    int Sharing = 1)
{
    // What a delivery costs in memory besides its event, in characters: the record, its ids, the queue's slot.
    private const int Overhead = 512;

    // A fresh delivery also holds its event read into objects, which take about twice its JSON.
    private const int ReadEventFactor = 3;

    /// <summary>
    /// Roughly what holding it in memory costs, in characters, so that the dispatcher can bound what waits for a
    /// worker: its own share of the event, which the deliveries made from it together share.
    /// </summary>
    public long Weight =>
        Overhead + (long)(PayloadJson?.Length ?? 0) * (Event is null ? 1 : ReadEventFactor) / Math.Max(1, Sharing);
}
