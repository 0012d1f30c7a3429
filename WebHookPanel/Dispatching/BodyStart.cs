namespace WebHookPanel.Dispatching;

/// <summary>
/// What was read of an answer's body: its start as text, whether it ended there, and what went wrong.
/// </summary>
/// <param name="Text">The first 4 KiB decoded as UTF-8, or null for an empty body.</param>
/// <param name="Cut">
/// Whether the body may go on past <paramref name="Text"/>, so that a secret may be cut in two there.
/// </param>
/// <param name="Problem">Why the body was not read to its end or to the limit, or null.</param>
public sealed record BodyStart(string? Text, bool Cut, string? Problem);
