namespace WebHookPanel.WebHooks;

/// <summary>What came of saving a definition: the hook's id, or why nothing was stored.</summary>
public sealed record SaveResult(
    int? Id,
    FormErrors Errors,
    bool NotFound = false,
    string? Message = null,
    bool Conflict = false,
    bool InForce = false,
    bool Forbidden = false)
{
    public bool Succeeded => Id is not null && Errors.IsEmpty && !NotFound && !Conflict && !Forbidden;

    /// <summary>
    /// Stored; <paramref name="inForce"/> when it is sent from now on, false when it waits for review.
    /// </summary>
    public static SaveResult Saved(int id, bool inForce) => new(id, FormErrors.None, InForce: inForce);

    public static SaveResult Invalid(FormErrors errors) => new(null, errors);

    public static SaveResult Outdated() => new(
        null,
        FormErrors.None,
        Message: "Someone saved a newer version of this webhook since you opened it; "
            + "reload it and make your change again.",
        Conflict: true);

    /// <summary>The actor is neither an admin nor a marketer: nothing was checked or stored.</summary>
    public static SaveResult Refused() => new(
        null,
        FormErrors.None,
        Message: "Only admins and marketers can save webhooks.",
        Forbidden: true);

    public static SaveResult Missing() => new(null, FormErrors.None, NotFound: true, "The webhook does not exist.");
}
