namespace WebHookPanel.WebHooks;

public enum WebHookStatus
{
    PendingReview,
    Active,
    Paused,
    Rejected,
}
