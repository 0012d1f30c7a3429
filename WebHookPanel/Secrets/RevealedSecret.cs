namespace WebHookPanel.Secrets;

/// <summary>What a reveal gave: the value in clear only when <see cref="Result"/> is Done.</summary>
public sealed record RevealedSecret(SecretAccessResult Result, string? Value = null);
