namespace WebHookPanel.Requests;

/// <summary>One header of a built request.</summary>
/// <param name="Name">The header name as the row wrote it.</param>
/// <param name="Value">The resolved value, unmasked.</param>
/// <param name="IsSecret">Whether the value must be masked for anyone who may not reveal secrets.</param>
public sealed record RequestHeader(string Name, string Value, bool IsSecret);
