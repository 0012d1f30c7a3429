using System.Text.Json;
using WebHookPanel.Requests;

namespace WebHookPanel.Secrets;

/// <summary>
/// Masks the secret header values a receiver may echo back. Debugging endpoints and some error pages repeat the
/// request's headers in their answer, and the delivery log that keeps the answer is open to marketers.
/// </summary>
public sealed class EchoedSecrets
{
    private static readonly EchoedSecrets None = new([]);

    private readonly string[] _forms;

    private EchoedSecrets(string[] forms) => _forms = forms;

    /// <summary>The forms in which the secret headers of <paramref name="request"/> could come back.</summary>
    public static EchoedSecrets Of(BuiltRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Most hooks carry no secret header; they should not pay for the search below on every attempt.
        if (!request.Headers.Any(h => h.IsSecret && h.Value.Length > 0))
        {
            return None;
        }

        var values = request.Headers.Where(h => h.IsSecret && h.Value.Length > 0).Select(h => h.Value);

        return new EchoedSecrets([.. values.SelectMany(FormsOf).Distinct().OrderByDescending(f => f.Length)]);
    }

    /// <summary>The text with every occurrence of a secret replaced by <see cref="SecretMask.Value"/>.</summary>
    public string? Mask(string? text)
    {
        if (text is null || _forms.Length == 0)
        {
            return text;
        }

        // Longest first, so that a credential is masked whole before its bare token would leave a prefix behind.
        foreach (var form in _forms)
        {
            text = text.Replace(form, SecretMask.Value, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> FormsOf(string value)
    {
        string[] bases = [value];

        // "Bearer abc" often comes back as just "abc"; a one-letter scheme token would mask half the body.
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && value.Length - space > 4)
        {
            bases = [value, value[(space + 1)..].Trim()];
        }

        // Echoes are mostly JSON or query strings, where "/" or "+" of a base64 token comes back escaped.
        return bases.SelectMany(b => new[] { b, JsonEncodedText.Encode(b).ToString(), Uri.EscapeDataString(b) });
    }
}
