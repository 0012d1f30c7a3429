using System.Text;

namespace WebHookPanel.Requests;

/// <summary>
/// Percent-encoding as RFC 6570 defines it for simple string expansion and for the literal text of a template.
/// </summary>
/// <remarks>
/// Written by hand rather than taken from a URI template library: the request needs exactly one pass over each
/// value (a value that looks like a template is never expanded), upper-case hex, and no allocation when a value
/// needs no encoding, which is the common case on every keystroke of the form.
/// </remarks>
public static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes every UTF-8 byte outside the unreserved set <c>A-Z a-z 0-9 - . _ ~</c>.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var first = IndexOfFirst(value, IsUnreserved);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        AppendEncoded(builder, value.AsSpan(first), IsUnreserved);

        return builder.ToString();
    }

    /// <summary>Appends <paramref name="value"/> encoded as by <see cref="Encode"/>.</summary>
    public static void Append(StringBuilder builder, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);

        AppendEncoded(builder, value, IsUnreserved);
    }

    /// <summary>
    /// Appends the literal text of a URI template (RFC 6570 §3.1): characters allowed anywhere in a URI and
    /// existing <c>%XX</c> triplets are copied, everything else (spaces, non-ASCII letters, a lone <c>%</c>)
    /// is encoded, so the result is always a well-formed URI.
    /// </summary>
    public static void AppendLiteral(StringBuilder builder, ReadOnlySpan<char> literal)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var i = 0;
        while (i < literal.Length)
        {
            var c = literal[i];
            if (c == '%' && i + 2 < literal.Length && char.IsAsciiHexDigit(literal[i + 1])
                && char.IsAsciiHexDigit(literal[i + 2]))
            {
                builder.Append(literal.Slice(i, 3));
                i += 3;
                continue;
            }

            var end = i + 1;
            if (char.IsHighSurrogate(c) && end < literal.Length && char.IsLowSurrogate(literal[end]))
            {
                end++;
            }

            AppendEncoded(builder, literal[i..end], IsAllowedInUri);
            i = end;
        }
    }

    private static void AppendEncoded(StringBuilder builder, ReadOnlySpan<char> value, Func<char, bool> keep)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (keep(c))
            {
                builder.Append(c);
                i++;
                continue;
            }

            // A lone surrogate becomes U+FFFD, as Encoding.UTF8 would write it.
            Rune.DecodeFromUtf16(value[i..], out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }

            i += consumed;
        }
    }

    private static int IndexOfFirst(string value, Func<char, bool> keep)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!keep(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    internal static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    // RFC 3986 unreserved and reserved characters; '%' is handled by the caller because only a full triplet is kept.
    private static bool IsAllowedInUri(char c) =>
        IsUnreserved(c) || c is ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
