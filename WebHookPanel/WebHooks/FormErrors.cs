using FluentValidation.Results;

namespace WebHookPanel.WebHooks;

/// <summary>
/// The validation messages of one check of a definition, keyed by property path (<c>Headers[1].Key</c>).
/// Rebuilt whole on every change, so a removed row never leaves a stale message behind.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public static FormErrors None => new();

    public int Count => _byPath.Count;

    public bool IsEmpty => _byPath.Count == 0;

    public IEnumerable<KeyValuePair<string, List<string>>> All => _byPath;

    public static FormErrors From(ValidationResult result)
    {
        var errors = new FormErrors();
        foreach (var failure in result.Errors)
        {
            errors.Add(failure.PropertyName, failure.ErrorMessage);
        }

        return errors;
    }

    public void Add(string path, string message)
    {
        if (!_byPath.TryGetValue(path, out var messages))
        {
            messages = [];
            _byPath[path] = messages;
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    /// <summary>The messages at a path joined for one helper line, or null when the field is valid.</summary>
    public string? For(string path) =>
        _byPath.TryGetValue(path, out var messages) ? string.Join(" ", messages) : null;

    public bool Has(string path) => _byPath.ContainsKey(path);

    /// <summary>True when any path starts with one of the prefixes: tells whether a wizard step is valid.</summary>
    public bool AnyUnder(params string[] prefixes) =>
        _byPath.Keys.Any(path => prefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)));
}
