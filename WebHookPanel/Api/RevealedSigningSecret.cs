namespace WebHookPanel.Api;

/// <summary>A hook's current signing secret in <c>whsec_</c> form, as an admin asked for it.</summary>
public sealed record RevealedSigningSecret(string Secret);
