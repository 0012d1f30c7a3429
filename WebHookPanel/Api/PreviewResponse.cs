
namespace WebHookPanel.Api;

/// <summary>The request an event would send, as <c>POST /api/webhooks/preview</c> answers it.</summary>
public sealed record PreviewResponse(
    string Method,
    string Url,
    IReadOnlyList<PreviewHeader> Headers,
    string? Body,
    IReadOnlyList<string> Omitted,
    string Curl,
    string CurlTemplate);
