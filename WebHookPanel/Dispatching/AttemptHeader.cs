namespace WebHookPanel.Dispatching;

/// <summary>A header of a logged request or response; secret values are already masked.</summary>
public sealed record AttemptHeader(string Name, string Value);
