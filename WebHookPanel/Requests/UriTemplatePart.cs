namespace WebHookPanel.Requests;

/// <summary>A run of literal text or one parameter of a URI template, in template order.</summary>
/// <param name="Text">The literal text, or the parameter's name without braces.</param>
/// <param name="IsParameter">Whether the part is a parameter to expand.</param>
/// <param name="Place">Where the part begins: scheme, host, path, query and so on.</param>
public sealed record UriTemplatePart(string Text, bool IsParameter, UriTemplatePlace Place);
