namespace WebHookPanel.Validation;

/// <summary>Tells whether a hook name is already in use, so that names stay unique case-insensitively.</summary>
public interface IWebHookNameCheck
{
    /// <param name="name">The trimmed name.</param>
    /// <param name="exceptId">The hook being edited, which may keep its own name; null when creating.</param>
    /// <param name="ct">Cancels the look-up.</param>
    Task<bool> IsTakenAsync(string name, int? exceptId, CancellationToken ct);
}
