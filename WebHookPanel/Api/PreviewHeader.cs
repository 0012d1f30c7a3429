namespace WebHookPanel.Api;

/// <summary>One header of a previewed request; a secret one holds the mask unless the caller asked to reveal.</summary>
public sealed record PreviewHeader(string Name, string Value, bool Secret = false);
