namespace WebHookPanel.Dispatching;

/// <summary>
/// Text a receiver chose (a reason phrase, a header value, a Location) as the delivery log keeps it: readable, not
/// whole. Cut at 1,000 characters and with control characters replaced, so that a receiver cannot fill the log or
/// break the page that shows it.
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

        var kept = text.Length <= Limit ? text : string.Concat(text.AsSpan(0, CutAt(text)), "…");

        return HasControl(kept)
            ? string.Create(kept.Length, kept, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? Replacement : source[i];
                }
            })
            : kept;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    // Never between the two halves of a surrogate pair: a half alone is no character at all.
    private static int CutAt(string text) => char.IsHighSurrogate(text[Limit - 1]) ? Limit - 1 : Limit;
}
