using System.Buffers;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;
using WebHookPanel.Requests;
using WebHookPanel.Secrets;

namespace WebHookPanel.Dispatching;

/// <summary>Sends one built request and logs the exchange. Knows HTTP, not deliveries.</summary>
public sealed class WebHookSender(IHttpClientFactory clientFactory, TimeProvider timeProvider)
{
    public const string ClientName = "WebHookPanel.Dispatcher";

    public const string MessageIdHeader = "webhook-id";

    public const string Mask = SecretMask.Value;

    private const int ResponseBodyLimit = 4096;

    public async Task<SendResult> SendAsync(BuiltRequest built, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(built);

        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var logged = new AttemptRecord
        {
            StartedAt = startedAt,
            Duration = TimeSpan.Zero,
            Method = built.Method,
            Url = built.Url,
            RequestHeaders =
            [
                .. built.Headers.Select(h => new AttemptHeader(h.Name, h.IsSecret ? Mask : h.Value)),
                .. HasMessageId(built) ? Array.Empty<AttemptHeader>() : [new AttemptHeader(MessageIdHeader, messageId)],
            ],
            RequestBody = built.Body,
            Omitted = built.Omitted,
        };

        try
        {
            using var request = CreateRequest(built, messageId);
            using var response = await clientFactory.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var echoed = EchoedSecrets.Of(built);
            var (start, cut) = await ReadStartAsync(response, cancellationToken);
            var body = echoed.Mask(start, cut);
            var status = (int)response.StatusCode;
            var kind = DeliveryRules.Classify(status);
            var retryAfter = DeliveryRules.RetryAfter(response.StatusCode, response.Headers.RetryAfter, startedAt);

            return new SendResult(
                logged with
                {
                    Duration = timeProvider.GetElapsedTime(started),
                    ResponseStatus = status,
                    ResponseHeaders = ResponseHeaders(response, echoed),
                    ResponseBody = body,
                    Error = echoed.Mask(ErrorOf(response, kind)),
                },
                kind,
                retryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Failure(logged, started, "the attempt was cut short by shutdown", OutcomeKind.Released);
        }
        catch (TimeoutRejectedException exception)
        {
            var error = $"timed out after {exception.Timeout.TotalSeconds:0.###} s";

            return Failure(logged, started, error, OutcomeKind.Retry);
        }
        catch (BrokenCircuitException)
        {
            return Failure(logged, started, "not sent: too many recent failures at this host", OutcomeKind.Retry);
        }
        catch (HttpRequestException exception) when (exception.InnerException is AddressRefusedException refused)
        {
            // The address will not become allowed by waiting: retrying would only repeat the refusal.
            return Failure(logged, started, refused.Message, OutcomeKind.Failed);
        }
        catch (HttpRequestException exception)
        {
            return Failure(logged, started, NetworkError(exception), OutcomeKind.Retry);
        }
        catch (OperationCanceledException)
        {
            return Failure(logged, started, "timed out", OutcomeKind.Retry);
        }
    }

    private static HttpRequestMessage CreateRequest(BuiltRequest built, string messageId)
    {
        var request = new HttpRequestMessage(new HttpMethod(built.Method), new Uri(built.Url, UriKind.Absolute));
        if (built.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(built.Body));
        }

        foreach (var header in built.Headers)
        {
            // Content-Type and its kin live on the content; everything else on the request.
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        // A signed request carries the id among its signing headers already.
        if (!HasMessageId(built))
        {
            request.Headers.TryAddWithoutValidation(MessageIdHeader, messageId);
        }

        return request;
    }

    private static bool HasMessageId(BuiltRequest built) =>
        built.Headers.Any(h => h.Name.Equals(MessageIdHeader, StringComparison.OrdinalIgnoreCase));

    /// <summary>The body's first 4 KiB as text, and whether the body may go on past them.</summary>
    private static async Task<(string? Text, bool Cut)> ReadStartAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);

        // Pooled: a fresh 4 KiB buffer for every attempt made most of the dispatcher's garbage under load.
        var buffer = ArrayPool<byte>.Shared.Rent(ResponseBodyLimit);
        try
        {
            var length = 0;
            while (length < ResponseBodyLimit)
            {
                var free = buffer.AsMemory(length, ResponseBodyLimit - length);
                var read = await stream.ReadAsync(free, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            var text = length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);

            return (text, length == ResponseBodyLimit);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    // The delivery log is open to marketers: a receiver's session cookie or echoed credential stays masked there.
    private static List<AttemptHeader> ResponseHeaders(HttpResponseMessage response, EchoedSecrets echoed) =>
    [
        .. response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v =>
                new AttemptHeader(h.Key, SecretHeaderRule.IsSecret(h.Key, flagged: false) ? Mask : echoed.Mask(v)))),
    ];

    private static string? ErrorOf(HttpResponseMessage response, OutcomeKind kind)
    {
        if (kind == OutcomeKind.Succeeded)
        {
            return null;
        }

        var status = (int)response.StatusCode;

        return status is >= 300 and < 400
            ? $"HTTP {status}: redirects are not followed (Location: {response.Headers.Location})"
            : $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
    }

    private static string NetworkError(HttpRequestException exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;

    private SendResult Failure(AttemptRecord logged, long started, string error, OutcomeKind kind) =>
        new(logged with { Duration = timeProvider.GetElapsedTime(started), Error = error }, kind, null);
}
