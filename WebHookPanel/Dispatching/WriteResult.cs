namespace WebHookPanel.Dispatching;

/// <param name="Work">Deliveries created or claimed by this batch, leased to this process, to send now.</param>
/// <param name="RetryDueNow">Whether an outcome scheduled a retry without a wait.</param>
/// <param name="ClaimedAll">Whether the claim filled its limit, so more may be due.</param>
public sealed record WriteResult(IReadOnlyList<DeliveryWork> Work, bool RetryDueNow, bool ClaimedAll);
