namespace WebHookPanel.Secrets;

public enum SecretAccessResult
{
    /// <summary>Revealed or rotated, and recorded in the audit log.</summary>
    Done,

    /// <summary>The actor may not reveal or rotate secrets; nothing was read or changed.</summary>
    Refused,

    /// <summary>No such hook, or no secret header of that name on its latest version.</summary>
    NotFound,

    /// <summary>
    /// Stored, but the key ring cannot decrypt it (its keys were lost); typing or rotating replaces it.
    /// </summary>
    Unreadable,
}
