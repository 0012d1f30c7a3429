using WebHookPanel.WebHooks;

namespace WebHookPanel.ApiKeys;

/// <summary>
/// What came of creating a key: the key's text, to be shown once and then forgotten, or why nothing was stored.
/// </summary>
public sealed record ApiKeyCreation(
    int? Id,
    string? Name,
    string? Key,
    FormErrors Errors,
    string? Refusal = null)
{
    public bool Succeeded => Key is not null;

    public static ApiKeyCreation Created(int id, string name, string key) => new(id, name, key, FormErrors.None);

    public static ApiKeyCreation Invalid(FormErrors errors) => new(null, null, null, errors);

    public static ApiKeyCreation Refused(string message) => new(null, null, null, FormErrors.None, message);
}
