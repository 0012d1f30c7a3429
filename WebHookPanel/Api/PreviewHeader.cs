namespace WebHookPanel.Api;

public sealed record PreviewHeader(string Name, string Value);
