namespace WebHookPanel.Dispatching;

/// <summary>
/// Text as the delivery log keeps it: at most a given number of characters, cut where a person sees it was cut.
/// </summary>
public static class LoggedText
{
    public const string CutMark = "…";

    /// <summary>
    /// The text when it fits, else its first <paramref name="limit"/> characters and <see cref="CutMark"/>; never
    /// between the two halves of a surrogate pair, since a half alone is no character at all.
    /// </summary>
    public static string? Cut(string? text, int limit)
    {
        if (text is null || text.Length <= limit)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;

        return string.Concat(text.AsSpan(0, end), CutMark);
    }
}
