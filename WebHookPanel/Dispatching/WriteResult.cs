namespace WebHookPanel.Dispatching;

/// <param name="Work">Deliveries created or claimed by this batch, leased to this process, to send now.</param>
/// <param name="RetryDueNow">Whether an outcome scheduled a retry without a wait.</param>
/// <param name="MoreDue">
/// Whether more may be due: the claim filled its limit, or new deliveries were stored pending for lack of room.
/// </param>
public sealed record WriteResult(IReadOnlyList<DeliveryWork> Work, bool RetryDueNow, bool MoreDue);
