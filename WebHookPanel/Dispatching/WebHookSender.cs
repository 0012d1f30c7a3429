using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using WebHookPanel.Requests;
using WebHookPanel.Secrets;

namespace WebHookPanel.Dispatching;

/// <summary>Sends one built request and logs the exchange. Knows HTTP, not deliveries.</summary>
public sealed class WebHookSender(
    IHttpClientFactory clientFactory,
    TimeProvider timeProvider,
    IOptions<DispatcherOptions> options)
{
    public const string ClientName = "WebHookPanel.Dispatcher";

    public const string MessageIdHeader = "webhook-id";

    public const string Mask = SecretMask.Value;

    private const int ResponseBodyLimit = 4096;

    private const int ResponseHeaderLimit = 100;

    /// <summary>How long a host's circuit stays open after too many failures there.</summary>
    public static readonly TimeSpan CircuitBreak = TimeSpan.FromSeconds(5);

    /// <summary>The last error of a delivery that waits for its host's circuit.</summary>
    public const string Deferral = "not sent yet: too many recent failures at this host; waiting for it to recover";

    private readonly TimeSpan _bodyTimeout = options.Value.AttemptTimeout;

    /// <summary>
    /// The hook a request belongs to, for the pipeline's quick retries to ask whether it may still send.
    /// </summary>
    public static readonly HttpRequestOptionsKey<int> WebHookIdOption = new("WebHookPanel.WebHookId");

    /// <summary>What the last quick-retried try got, set by the pipeline before it tries again.</summary>
    public static readonly HttpRequestOptionsKey<string> LastTryOption = new("WebHookPanel.LastTry");

    public async Task<SendResult> SendAsync(
        BuiltRequest built,
        int webHookId,
        string messageId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(built);

        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var logged = new AttemptRecord
        {
            StartedAt = startedAt,
            Duration = TimeSpan.Zero,
            Method = built.Method,
            Url = SentText.Url(built.Url),
            RequestHeaders = LoggedRequestHeaders(built, messageId),
            RequestBody = SentText.Body(built.Body),
            Omitted = built.Omitted,
        };

        using var request = CreateRequest(built, messageId);
        request.Options.Set(WebHookIdOption, webHookId);
        try
        {
            using var response = await clientFactory.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var echoed = EchoedSecrets.Of(built);
            var start = await ReadStartAsync(response, started, cancellationToken);
            var body = ReceiverText.ReadableBody(echoed.Mask(start.Text, start.Cut));
            var status = (int)response.StatusCode;
            var kind = DeliveryRules.Classify(status);
            var retryAfter = DeliveryRules.RetryAfter(response.StatusCode, response.Headers, startedAt);

            return new SendResult(
                logged with
                {
                    Duration = timeProvider.GetElapsedTime(started),
                    ResponseStatus = status,
                    ResponseHeaders = ResponseHeaders(response, echoed),
                    ResponseBody = body,
                    Error = ReceiverText.Readable(echoed.Mask(Joined(ErrorOf(response, kind), start.Problem))),
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
        catch (BrokenCircuitException) when (request.Options.TryGetValue(LastTryOption, out var tried))
        {
            // A try reached the receiver and failed, and the circuit it opened stopped the quick retry: that try is
            // the attempt, retried on the schedule like any other failure.
            var error = $"{tried}; not tried again at once: too many recent failures at this host";

            return Failure(logged, started, error, OutcomeKind.Retry);
        }
        catch (BrokenCircuitException)
        {
            // The receiver was never asked: the delivery waits for the circuit, not for a step of its schedule.
            return Failure(logged, started, Deferral, OutcomeKind.Deferred);
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
        catch (IOException exception)
        {
            return Failure(logged, started, exception.Message, OutcomeKind.Retry);
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

    private static bool HasMessageId(BuiltRequest built)
    {
        var headers = built.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Name.Equals(MessageIdHeader, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The body's first 4 KiB as text, whether the body may go on past them, and what went wrong reading it. The
    /// status line already decided the outcome: a body that stalls or breaks off is noted, not retried, and must
    /// arrive within what is left of the attempt timeout counted from <paramref name="started"/>, so that a
    /// receiver trickling bytes holds a worker for one timeout at most.
    /// </summary>
    private async Task<BodyStart> ReadStartAsync(
        HttpResponseMessage response,
        long started,
        CancellationToken cancellationToken)
    {
        // Pooled: a fresh 4 KiB buffer for every attempt made most of the dispatcher's garbage under load. Cleared
        // on return, since it may hold an echoed secret.
        var buffer = ArrayPool<byte>.Shared.Rent(ResponseBodyLimit);
        var length = 0;
        string? problem = null;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            while (length < ResponseBodyLimit)
            {
                // A small body is usually in hand already: only a read that has to wait gets a timer.
                var free = buffer.AsMemory(length, ResponseBodyLimit - length);
                var reading = stream.ReadAsync(free, cancellationToken);
                var left = _bodyTimeout - timeProvider.GetElapsedTime(started);
                var read = reading.IsCompleted ? reading.Result
                    : await reading.AsTask().WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (TimeoutException)
        {
            problem = $"the body did not arrive within the attempt's {_bodyTimeout.TotalSeconds:0.###} s "
                + $"({length} bytes read)";
        }
        catch (IOException exception)
        {
            problem = $"the body broke off after {length} bytes ({exception.Message})";
        }
        catch (HttpRequestException exception)
        {
            problem = $"the body broke off after {length} bytes ({exception.Message})";
        }

        try
        {
            var text = length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);

            return new BodyStart(text, problem is not null || length == ResponseBodyLimit, problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static string? Joined(string? error, string? bodyProblem) =>
        error is null ? bodyProblem : bodyProblem is null ? error : $"{error}; {bodyProblem}";

    private static List<AttemptHeader> LoggedRequestHeaders(BuiltRequest built, string messageId)
    {
        var headers = built.Headers;
        var logged = new List<AttemptHeader>(headers.Count + 1);
        for (var i = 0; i < headers.Count; i++)
        {
            logged.Add(new AttemptHeader(headers[i].Name, headers[i].IsSecret ? Mask : headers[i].Value));
        }

        if (!HasMessageId(built))
        {
            logged.Add(new AttemptHeader(MessageIdHeader, messageId));
        }

        return logged;
    }

    // The delivery log is open to marketers: a receiver's session cookie or echoed credential stays masked there.
    // Values are cut like error text and at most 100 headers kept, as the body is cut at 4 KiB: the log keeps what a
    // person reads, not whatever a receiver sends. Plain loops: this runs for every attempt.
    private static List<AttemptHeader> ResponseHeaders(HttpResponseMessage response, EchoedSecrets echoed)
    {
        var logged = new List<AttemptHeader>();
        Add(logged, response.Headers.NonValidated, echoed);
        Add(logged, response.Content.Headers.NonValidated, echoed);

        return logged;
    }

    private static void Add(List<AttemptHeader> logged, HttpHeadersNonValidated headers, EchoedSecrets echoed)
    {
        foreach (var (name, values) in headers)
        {
            var secret = SecretHeaderRule.IsSecret(name, flagged: false);
            foreach (var value in values)
            {
                if (logged.Count == ResponseHeaderLimit)
                {
                    return;
                }

                logged.Add(new AttemptHeader(name, secret ? Mask : ReceiverText.Readable(echoed.Mask(value))!));
            }
        }
    }

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
        new(
            logged with { Duration = timeProvider.GetElapsedTime(started), Error = ReceiverText.Readable(error) },
            kind,
            null);
}
