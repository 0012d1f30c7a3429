namespace WebHookPanel.Review;

/// <summary>
/// One field of a hook that differs between the version in force and a newer one, as text for people: a secret
/// header value appears only as a mask, with "(changed)" when it changed.
/// </summary>
/// <param name="Field">What a reviewer reads: <c>URI</c>, <c>Label of {userId}</c>, <c>Header X-Api-Key</c>.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Before">The value in force; null for an added field.</param>
/// <param name="After">The new value; null for a removed field.</param>
public sealed record DefinitionChange(string Field, ChangeKind Kind, string? Before, string? After);
