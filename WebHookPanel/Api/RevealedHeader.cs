namespace WebHookPanel.Api;

/// <summary>A secret header's stored value in clear, as an admin asked for it.</summary>
public sealed record RevealedHeader(string Header, string Value);
