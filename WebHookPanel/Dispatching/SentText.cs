namespace WebHookPanel.Dispatching;

/// <summary>
/// The URL and body of a request as its attempt's log keeps them. Every attempt is rebuilt from the stored event,
/// so the log is for people to read, not a second copy of the event: a 1 MB event would otherwise store a
/// megabyte for each of its attempts and make a page of the delivery log tens of megabytes.
/// </summary>
public static class SentText
{
    /// <summary>Longer than any receiver accepts (most refuse past 8 KiB with 414).</summary>
    public const int UrlLimit = 8192;

    public const int BodyLimit = 64 * 1024;

    public static string Url(string url) => LoggedText.Cut(url, UrlLimit)!;

    public static string? Body(string? body) => LoggedText.Cut(body, BodyLimit);
}
