namespace WebHookPanel.Requests;

/// <summary>
/// A braced run of a URI template, <c>[Start, End)</c>; <see cref="Name"/> is null when it is malformed.
/// </summary>
internal readonly record struct BraceGroup(int Start, int End, string? Name);
