using System.Globalization;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Signing;

/// <summary>
/// Adds the Standard Webhooks headers to a built request: <c>webhook-id</c> always (receivers drop duplicates by
/// it, signed or not), the timestamp and signature when the hook signs. The dispatcher, the test-send and the
/// preview all go through here, so what the preview lists is what a receiver gets.
/// </summary>
public sealed class RequestSigner(SigningKeyStore keys, TimeProvider timeProvider)
{
    public const string IdHeader = "webhook-id";

    public const string TimestampHeader = "webhook-timestamp";

    public const string SignatureHeader = "webhook-signature";

    /// <summary>
    /// The request with <c>webhook-id</c> added (unless the hook sets that header itself), and
    /// <c>webhook-timestamp</c> and <c>webhook-signature</c> when the hook signs. A hook that is not saved yet
    /// (<paramref name="webHookId"/> null, as in a preview) is signed with a throwaway secret, which shows the
    /// headers without giving a real signature away.
    /// </summary>
    public async Task<BuiltRequest> SignAsync(
        BuiltRequest request,
        WebHookDefinition hook,
        int? webHookId,
        string messageId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hook);

        if (hook.Signing?.Enabled != true)
        {
            return HasIdHeader(request)
                ? request
                : request with { Headers = [.. request.Headers, new RequestHeader(IdHeader, messageId, false)] };
        }

        var secrets = webHookId is { } id
            ? await keys.SecretsAsync(id, cancellationToken)
            : [SigningSecret.Generate()];
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var signature = SigningSecret.Sign(messageId, timestamp, request.Body ?? "", secrets);

        return request with
        {
            Headers =
            [
                .. request.Headers,
                new RequestHeader(IdHeader, messageId, false),
                new RequestHeader(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture), false),
                new RequestHeader(SignatureHeader, signature, false),
            ],
        };
    }

    private static bool HasIdHeader(BuiltRequest request) =>
        request.Headers.Any(h => h.Name.Equals(IdHeader, StringComparison.OrdinalIgnoreCase));
}
