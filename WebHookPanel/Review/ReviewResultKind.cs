namespace WebHookPanel.Review;

public enum ReviewResultKind
{
    Done,
    NotFound,

    /// <summary>The actor may not approve or reject: only admins (or keys with webhooks:admin) may.</summary>
    Forbidden,

    /// <summary>The version named no longer waits for review: a newer one was saved, or it was decided.</summary>
    NotPending,

    /// <summary>The request itself is wrong, e.g. a rejection without a comment; see the errors.</summary>
    Invalid,
}
