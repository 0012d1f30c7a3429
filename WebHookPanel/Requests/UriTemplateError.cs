namespace WebHookPanel.Requests;

/// <summary>One problem in a URI template.</summary>
/// <param name="Position">1-based position of the offending character, counted in characters.</param>
/// <param name="Message">A sentence for the person who typed the URI: what is wrong and how to fix it.</param>
public sealed record UriTemplateError(int Position, string Message);
