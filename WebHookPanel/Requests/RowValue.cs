namespace WebHookPanel.Requests;

/// <summary>The value of one field row at build time, or why it has none.</summary>
/// <param name="Value">The resolved text, or null when it is missing.</param>
/// <param name="IsPlaceholder">A <c>${...}</c> stand-in of the template sample: shown as it is, never encoded.</param>
/// <param name="Missing">Why there is no value, e.g. <c>profile attribute 'email' is missing</c>.</param>
internal readonly record struct RowValue(string? Value, bool IsPlaceholder, string? Missing)
{
    public static RowValue Of(string value) => new(value, false, null);
}
