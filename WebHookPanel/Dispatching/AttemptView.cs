namespace WebHookPanel.Dispatching;

/// <summary>One attempt in a hook's delivery log.</summary>
public sealed record AttemptView(int Number, AttemptRecord Attempt);
