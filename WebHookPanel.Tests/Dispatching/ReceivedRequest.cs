namespace WebHookPanel.Tests.Dispatching;

/// <summary>A request as the recording receiver saw it on the wire; <see cref="Content"/> is the raw body.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    byte[] Content)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
