namespace WebHookPanel.Dispatching;

public enum ReplayResult
{
    Replayed,

    /// <summary>There is no such delivery, or its webhook was deleted and will send nothing again.</summary>
    NotFound,

    /// <summary>The delivery is still pending or in flight: it will be sent anyway.</summary>
    NotFinished,

    /// <summary>The delivery waits for its paused webhook: resuming the webhook sends it.</summary>
    Held,
}
