using WebHookPanel.Requests;

namespace WebHookPanel.Tests.Cases;

/// <summary>A request as a case checks it, whether the builder made it or the preview API described it.</summary>
public sealed record PreviewedRequest(
    string Method,
    string Url,
    IReadOnlyList<RequestHeader> Headers,
    string? Body,
    IReadOnlyList<string> Omitted)
{
    public static PreviewedRequest From(BuiltRequest request) =>
        new(request.Method, request.Url, request.Headers, request.Body, request.Omitted);
}
