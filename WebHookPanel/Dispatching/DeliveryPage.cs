namespace WebHookPanel.Dispatching;

public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Items, int Total, int Page, int PageSize);
