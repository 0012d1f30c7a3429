namespace WebHookPanel.Dispatching;

/// <summary>
/// Text a receiver chose (a reason phrase, a header value, a Location) as the delivery log keeps it: readable, not
/// whole. Cut at 1,000 characters and with control characters and bidirectional overrides replaced, so that a
/// receiver cannot fill the log or break the page that shows it.
/// </summary>
public static class ReceiverText
{
    public const int Limit = 1000;

    private const char Replacement = '\uFFFD';

    public static string? Readable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Replaced(LoggedText.Cut(text, Limit)!, keepLines: false);
    }

    /// <summary>
    /// A body's start (already cut at 4 KiB) with its line breaks and tabs kept and every other control character
    /// replaced: NUL or a terminal's escape sequences are no text for the page or the API to show.
    /// </summary>
    public static string? ReadableBody(string? body) => body is null ? null : Replaced(body, keepLines: true);

    private static string Replaced(string text, bool keepLines)
    {
        if (!HasControl(text, keepLines))
        {
            return text;
        }

        return string.Create(text.Length, (text, keepLines), static (span, state) =>
        {
            var (source, lines) = state;
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsReplaced(source[i], lines) ? Replacement : source[i];
            }
        });
    }

    private static bool HasControl(string text, bool keepLines)
    {
        foreach (var c in text)
        {
            if (IsReplaced(c, keepLines))
            {
                return true;
            }
        }

        return false;
    }

    // Bidirectional overrides and isolates too: they would reorder what the page shows around them.
    private static bool IsReplaced(char c, bool keepLines) =>
        (char.IsControl(c) && !(keepLines && c is '\n' or '\r' or '\t'))
        || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
