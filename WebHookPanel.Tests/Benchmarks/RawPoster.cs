using System.Diagnostics;
using System.Globalization;
using System.Text;
using WebHookPanel.Dispatching;
using WebHookPanel.Requests;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The raw ceiling: one plain <see cref="HttpClient"/> posting the panel's requests to the receiver at the
/// dispatcher's concurrency, with no database and no resilience pipeline.
/// </summary>
public sealed class RawPoster : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    });

    private readonly IReadOnlyList<BuiltRequest> _requests;
    private readonly IReadOnlyList<byte[]?> _bodies;

    /// <param name="requests">One built request per hook, each for an event whose <c>seq</c> is 0.</param>
    public RawPoster(IReadOnlyList<BuiltRequest> requests)
    {
        _requests = requests;
        _bodies = [.. requests.Select(r => r.Body is null ? null : Encoding.UTF8.GetBytes(r.Body))];
    }

    /// <summary>Posts <paramref name="count"/> requests, round robin over the hooks, with seq 0 to count - 1.</summary>
    public async Task PostAsync(int count, int concurrency, long[] accepted, CancellationToken cancellationToken)
    {
        var next = -1;
        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                int seq;
                while ((seq = Interlocked.Increment(ref next)) < count)
                {
                    using var request = Create(seq);
                    accepted[seq] = Stopwatch.GetTimestamp();
                    using var response = await _client.SendAsync(
                        request,
                        HttpCompletionOption.ResponseHeadersRead,
                        cancellationToken);
                    response.EnsureSuccessStatusCode();
                    await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                }
            },
            cancellationToken));

        await Task.WhenAll(senders);
    }

    public void Dispose() => _client.Dispose();

    private HttpRequestMessage Create(int seq)
    {
        var index = seq % _requests.Count;
        var built = _requests[index];

        // The hooks' URIs end with "seq={seq}"; the template was built with seq 0.
        var url = string.Concat(built.Url.AsSpan(0, built.Url.Length - 1), seq.ToString(CultureInfo.InvariantCulture));
        var request = new HttpRequestMessage(new HttpMethod(built.Method), url);
        if (_bodies[index] is { } body)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var header in built.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        request.Headers.TryAddWithoutValidation(WebHookSender.MessageIdHeader, $"msg_raw_{seq}");

        return request;
    }
}
