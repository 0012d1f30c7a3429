namespace WebHookPanel.WebHooks;

public enum ReviseOutcome
{
    /// <summary>Saved and in force at once (an admin's save on top of the version in force).</summary>
    Saved,

    /// <summary>Saved as a version that waits for an admin's review; the version in force keeps serving.</summary>
    SavedForReview,

    NotFound,

    /// <summary>The hook has a newer version than the one the change was made to.</summary>
    Conflict,

    /// <summary>The change names a version the hook never had.</summary>
    UnknownVersion,
}
