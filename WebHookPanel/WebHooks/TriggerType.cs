namespace WebHookPanel.WebHooks;

public enum TriggerType
{
    PushClick,
    MessageLog,
    Geofence,
    Event,
}
