using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// A webhook receiver on 127.0.0.1 that records every request. The path picks the answer: <c>/ok</c> 200,
/// <c>/fail</c> 500, <c>/hang</c> never answers, <c>/throttle</c> 429 with <see cref="ThrottleFor"/> as its
/// <c>Retry-After</c>,
/// <c>/unavailable</c> 503 with <see cref="RetryAt"/> as an HTTP-date <c>Retry-After</c>, <c>/reject</c> 400,
/// <c>/gone</c> 410, <c>/redirect</c> 302 to <c>/ok</c>, <c>/session</c> 200 with <see cref="SessionCookie"/> in
/// <c>Set-Cookie</c>, <c>/echo</c> 200 repeating the request's headers in its body and its <c>Authorization</c> in
/// <c>X-Echo</c>, <c>/stall</c> 200 promising 100 bytes of body and sending 2, <c>/gatedfail</c> 500 once
/// <see cref="OpenGate"/> is called, <c>/gated</c> 200 for the first <see cref="GateAfter"/>
/// requests and then only once <see cref="OpenGate"/> is called, <c>/odd</c> 200 with <see cref="OddHeader"/> in
/// UTF-8 as <c>X-Odd</c> and <see cref="OddBody"/>, which holds control characters.
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _gated;

    public const string SessionCookie = "receiver-session=5f1e0c2a9b";

    public const string OddHeader = "caf\u00E9 \u202E RTL \U0001F600";

    public const string OddBody = "line 1\r\n\tline 2\u0000\u001B[31mred\u007F";

    public string BaseUrl { get; private set; } = "";

    public int GateAfter { get; set; } = int.MaxValue;

    /// <summary>The <c>Retry-After</c> of <c>/throttle</c>.</summary>
    public string ThrottleFor { get; set; } = "120";

    /// <summary>The date that <c>/unavailable</c> names in its <c>Retry-After</c>.</summary>
    public DateTimeOffset RetryAt { get; set; } = DateTimeOffset.UnixEpoch;

    public IReadOnlyCollection<ReceivedRequest> Requests => _requests;

    public static async Task<RecordingReceiver> StartAsync()
    {
        var receiver = new RecordingReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Listen(System.Net.IPAddress.Loopback, 0);
            options.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
            options.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;
        });
        var app = builder.Build();
        app.Run(receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        receiver.BaseUrl = address.Addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);

        return receiver;
    }

    public void OpenGate() => _gate.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        OpenGate();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // The bytes as they came, so that tests can compare bodies exactly rather than after decoding.
        using var content = new MemoryStream();
        await context.Request.Body.CopyToAsync(content, context.RequestAborted);
        var bytes = content.ToArray();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = context.Request.Headers
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))
            .ToList();
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Method,
            BaseUrl + target,
            headers,
            Encoding.UTF8.GetString(bytes),
            bytes));

        var path = context.Request.Path.Value ?? "";
        switch (path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
        {
            case "fail":
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
            case "hang":
                await WaitForAbortAsync(context.RequestAborted);
                break;
            case "throttle":
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ThrottleFor;
                break;
            case "unavailable":
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAt.ToString("R", CultureInfo.InvariantCulture);
                break;
            case "reject":
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case "gone":
                context.Response.StatusCode = StatusCodes.Status410Gone;
                break;
            case "redirect":
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = BaseUrl + "/ok";
                break;
            case "session":
                context.Response.Headers.SetCookie = SessionCookie;
                break;
            case "echo":
                context.Response.Headers["X-Echo"] = context.Request.Headers.Authorization.ToString();
                await context.Response.WriteAsJsonAsync(
                    headers.GroupBy(h => h.Key)
                        .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value))),
                    context.RequestAborted);
                break;
            case "gatedfail":
                await _gate.Task.WaitAsync(context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
            case "stall":
                context.Response.ContentLength = 100;
                await context.Response.WriteAsync("ab", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await WaitForAbortAsync(context.RequestAborted);
                break;
            case "odd":
                context.Response.Headers["X-Odd"] = OddHeader;
                await context.Response.WriteAsync(OddBody, context.RequestAborted);
                break;
            case "gated" when Interlocked.Increment(ref _gated) > GateAfter:
                await _gate.Task.WaitAsync(context.RequestAborted);
                break;
            default:
                await context.Response.WriteAsync("received", context.RequestAborted);
                break;
        }
    }

    private static async Task WaitForAbortAsync(CancellationToken aborted)
    {
        var never = new TaskCompletionSource();
        await never.Task.WaitAsync(aborted);
    }
}
