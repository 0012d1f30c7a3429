namespace WebHookPanel.Dispatching;

public enum ResumeOutcome
{
    Resumed,
    NotFound,

    /// <summary>No version was ever approved: there is nothing to send, so nothing to resume.</summary>
    NothingInForce,
}
