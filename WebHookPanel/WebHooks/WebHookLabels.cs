namespace WebHookPanel.WebHooks;

/// <summary>How the domain's enum values read to a marketer.</summary>
public static class WebHookLabels
{
    public static string Trigger(TriggerType type) => type switch
    {
        TriggerType.PushClick => "Push click",
        TriggerType.MessageLog => "Message log",
        TriggerType.Geofence => "Geofence",
        _ => "Event",
    };

    /// <summary>The trigger type and, where it has one, its filter: "Event · order.shipped".</summary>
    public static string Trigger(Trigger trigger) =>
        string.IsNullOrEmpty(trigger.Filter) ? Trigger(trigger.Type) : $"{Trigger(trigger.Type)} · {trigger.Filter}";

    public static string Status(WebHookStatus status) => status switch
    {
        WebHookStatus.PendingReview => "Pending review",
        WebHookStatus.Active => "Active",
        WebHookStatus.Paused => "Paused",
        _ => "Rejected",
    };

    public static string Source(ValueSource source) => source switch
    {
        ValueSource.Profile => "Profile attribute",
        ValueSource.Device => "Device attribute",
        ValueSource.Context => "Event context",
        _ => "Fixed value",
    };
}
