namespace WebHookPanel.Dispatching;

public enum ReplayResult
{
    Replayed,
    NotFound,

    /// <summary>The delivery is still pending or in flight: it will be sent anyway.</summary>
    NotFinished,
}
