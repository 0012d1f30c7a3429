namespace WebHookPanel.Api;

/// <summary>The body of <c>POST /api/webhooks/{id}/secrets/reveal</c>: which secret header to reveal.</summary>
public sealed record RevealHeaderRequest(string? Header);
