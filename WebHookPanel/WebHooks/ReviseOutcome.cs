namespace WebHookPanel.WebHooks;

public enum ReviseOutcome
{
    Saved,
    NotFound,

    /// <summary>The hook has a newer version than the one the change was made to.</summary>
    Conflict,
}
