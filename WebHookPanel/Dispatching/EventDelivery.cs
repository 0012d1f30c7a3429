namespace WebHookPanel.Dispatching;

/// <summary>A delivery that one event created, with the name of the hook it goes to.</summary>
public sealed record EventDelivery(long Id, int WebHookId, string WebHookName, DeliveryStatus Status);
