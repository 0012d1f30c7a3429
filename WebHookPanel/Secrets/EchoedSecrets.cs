using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WebHookPanel.Requests;

namespace WebHookPanel.Secrets;

/// <summary>
/// Masks the secret header values a receiver may echo back. Debugging endpoints and some error pages repeat the
/// request's headers in their answer, and the delivery log that keeps the answer is open to marketers. A secret
/// is looked for in the forms such answers use: as sent, without its scheme, JSON-escaped (also PHP's <c>\/</c>),
/// percent-, form- and HTML-encoded, and for Basic credentials decoded; ignoring case, which also covers
/// lower-case percent escapes.
/// </summary>
public sealed class EchoedSecrets
{
    // Shorter forms could be anything in a body; longer ones give away enough of a secret to be worth masking.
    private const int ShortestForm = 4;

    // The forms of a hook's secrets are the same for every attempt: worked out once. Bounded, since every new
    // secret value adds an entry.
    private const int CachedSets = 1024;

    private static readonly ConcurrentDictionary<string, string[]> FormsBySecrets = new(StringComparer.Ordinal);

    private static readonly EchoedSecrets None = new([]);

    private readonly string[] _forms;

    private EchoedSecrets(string[] forms) => _forms = forms;

    /// <summary>The forms in which the secret headers of <paramref name="request"/> could come back.</summary>
    public static EchoedSecrets Of(BuiltRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Most hooks carry no secret header; they should not pay for the search below on every attempt.
        if (!HasSecret(request.Headers))
        {
            return None;
        }

        var values = request.Headers.Where(h => h.IsSecret && h.Value.Length > 0).Select(h => h.Value).ToList();
        var key = string.Join('\n', values);
        if (!FormsBySecrets.TryGetValue(key, out var forms))
        {
            forms = FormsOfAll(values);
            if (FormsBySecrets.Count >= CachedSets)
            {
                FormsBySecrets.Clear();
            }

            FormsBySecrets[key] = forms;
        }

        return new EchoedSecrets(forms);
    }

    /// <summary>
    /// The text with every occurrence of a secret replaced by <see cref="SecretMask.Value"/>. When
    /// <paramref name="cut"/> says the text was cut short, a secret's beginning left at its very end is masked too.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Mask(string? text, bool cut = false)
    {
        if (string.IsNullOrEmpty(text) || _forms.Length == 0)
        {
            return text;
        }

        // Longest first, so that a credential is masked whole before its bare token would leave a prefix behind.
        foreach (var form in _forms)
        {
            text = text.Replace(form, SecretMask.Value, StringComparison.OrdinalIgnoreCase);
        }

        return cut ? MaskCutPiece(text) : text;
    }

    private static bool HasSecret(IReadOnlyList<RequestHeader> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] is { IsSecret: true, Value.Length: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static string[] FormsOfAll(IEnumerable<string> values) =>
    [
        .. values.SelectMany(FormsOf)
            .Where(f => f.Length >= ShortestForm)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(f => f.Length),
    ];

    // The longest beginning of any form that the text ends with, so that no part of a secret stays at the cut.
    private string MaskCutPiece(string text)
    {
        var longest = 0;
        foreach (var form in _forms)
        {
            for (var length = Math.Min(form.Length - 1, text.Length); length > longest; length--)
            {
                var tail = text.AsSpan(text.Length - length);
                if (tail.Equals(form.AsSpan(0, length), StringComparison.OrdinalIgnoreCase))
                {
                    longest = length;

                    break;
                }
            }
        }

        return longest >= ShortestForm ? string.Concat(text.AsSpan(0, text.Length - longest), SecretMask.Value) : text;
    }

    private static IEnumerable<string> FormsOf(string value)
    {
        List<string> bases = [value];

        // "Bearer abc" often comes back as just "abc"; a one-letter scheme token would mask half the body.
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && value.Length - space > ShortestForm)
        {
            var token = value[(space + 1)..].Trim();
            bases.Add(token);
            if (value[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                bases.AddRange(BasicCredentials(token));
            }
        }

        return bases.SelectMany(EncodingsOf);
    }

    private static IEnumerable<string> EncodingsOf(string text)
    {
        // JSON writers differ in what they escape: '+' as \u002B or not, '/' as \/ (PHP's default) or not.
        string[] json =
        [
            text,
            JsonEncodedText.Encode(text).ToString(),
            JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        ];
        foreach (var form in json)
        {
            yield return form;
            yield return form.Replace("/", "\\/", StringComparison.Ordinal);
        }

        // Query strings and form bodies; HTML as WebUtility writes it and as Razor pages write it ('+' as &#x2B;).
        yield return Uri.EscapeDataString(text);
        yield return WebUtility.UrlEncode(text);
        yield return UrlEncoder.Default.Encode(text);
        yield return WebUtility.HtmlEncode(text);
        yield return HtmlEncoder.Default.Encode(text);
    }

    // "user:password" as a receiver that decodes Basic credentials would show it, and the password on its own.
    private static IEnumerable<string> BasicCredentials(string token)
    {
        var bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var written))
        {
            return [];
        }

        var decoded = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);

        return colon < 0 ? [decoded] : [decoded, decoded[(colon + 1)..]];
    }
}
