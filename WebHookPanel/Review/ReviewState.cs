namespace WebHookPanel.Review;

/// <summary>Where a hook's latest version stands with the admins.</summary>
public enum ReviewState
{
    /// <summary>Saved by someone who may not put it in force: it waits for an admin and sends nothing.</summary>
    Pending,

    /// <summary>In force: approved by an admin, or saved by one.</summary>
    Approved,

    /// <summary>Turned down with a comment; the version in force before it, if any, keeps serving.</summary>
    Rejected,
}
