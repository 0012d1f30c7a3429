using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using WebHookPanel.Events;
using WebHookPanel.Signing;
using WebHookPanel.Validation;

namespace WebHookPanel.Dispatching;

public static class DispatchingServiceCollectionExtensions
{
    public static IServiceCollection AddDispatching(this IServiceCollection services)
    {
        services.AddOptions<DispatcherOptions>()
            .BindConfiguration(DispatcherOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatcherOptions>, DispatcherOptionsValidator>();

        services.AddSigning();
        services.AddSingleton<DeliveryNotifier>();
        services.AddSingleton<SendableHooks>();
        services.AddSingleton(provider => new OutgoingAddressGuard(
            provider.GetRequiredService<IOptions<DispatcherOptions>>().Value.AllowedPrivateNetworks));
        services.AddSingleton<OutgoingConnector>();
        services.AddSingleton<WebHookSender>();
        services.AddSingleton<WebHookVersionCache>();
        services.AddSingleton<DeliveryWorker>();
        services.AddSingleton<DeliveryBatchWriter>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveryDispatcher>());
        services.AddSingleton<DeliveryCommands>();
        services.AddSingleton<IncomingEventValidator>();
        services.AddSingleton<EventIntake>();

        // A receiver's failure belongs in its delivery log: Polly would log every quick retry as an error with a
        // stack trace. An opening circuit stays worth an operator's look.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = SeverityOf);
        services.AddHttpClient(WebHookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                CreateHandler(provider.GetRequiredService<OutgoingConnector>()))
            .RemoveAllLoggers()
            .AddResilienceHandler("dispatch", ConfigurePipeline)
            .SelectPipelineByAuthority();

        return services;
    }

    private static ResilienceEventSeverity SeverityOf(SeverityProviderArguments args) => args.Event.EventName switch
    {
        "OnCircuitOpened" => ResilienceEventSeverity.Warning,
        "OnCircuitClosed" or "OnCircuitHalfOpened" => ResilienceEventSeverity.Information,
        _ => ResilienceEventSeverity.Debug,
    };

    private static SocketsHttpHandler CreateHandler(OutgoingConnector connector) => new()
    {
        // A 3xx is a failed attempt, never followed (DESIGN §4).
        AllowAutoRedirect = false,
        UseCookies = false,

        // The receiver gets exactly the headers that the preview promised: no trace context added on the way.
        ActivityHeadersPropagator = null,

        // Header values outside ASCII go out as UTF-8, as the cURL sample shows them.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,

        // And are read as UTF-8 coming back, so that the log shows a receiver's UTF-8 values as it meant them;
        // bytes that are not UTF-8 become U+FFFD.
        ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),

        // Through a proxy (HTTP_PROXY and its kin) the connection goes to the proxy and the guard would judge the
        // proxy's address, never the receiver's: the dispatcher always connects to the receiver itself.
        UseProxy = false,
        ConnectCallback = connector.ConnectAsync,
    };

    private static void ConfigurePipeline(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<DispatcherOptions>>().Value;
        var sendable = context.ServiceProvider.GetRequiredService<SendableHooks>();
        if (options.QuickRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.QuickRetries,
                Delay = options.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // A Retry-After longer than a quick retry belongs to the durable schedule.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    IsQuicklyRetried(args.Outcome) && MaySendAgain(args.Context, sendable)),
                OnRetry = args =>
                {
                    RememberTry(args.Context, args.Outcome);

                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            BreakDuration = WebHookSender.CircuitBreak,

            // A refused address says nothing about the health of the host behind it.
            ShouldHandle = args => ValueTask.FromResult(
                !IsRefused(args.Outcome) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        builder.AddTimeout(options.AttemptTimeout);
    }

    // Quick failures are worth a second try at once: transport errors and 5xx other than 503 (which may ask for a
    // longer wait). A timeout is not: trying again would hold the worker for another whole timeout, so it waits
    // for the schedule like 429 and 503.
    private static bool IsQuicklyRetried(Outcome<HttpResponseMessage> outcome) =>
        !IsRefused(outcome) && (outcome.Exception is HttpRequestException
            || (outcome.Result is { StatusCode: var status } && (int)status is >= 500 and < 600 and not 503));

    // A hook paused or deleted while its attempt ran gets no further try.
    private static bool MaySendAgain(ResilienceContext context, SendableHooks sendable) =>
        context.GetRequestMessage()?.Options.TryGetValue(WebHookSender.WebHookIdOption, out var webHookId) != true
        || sendable.Allows(webHookId);

    // A quick retry that the host's open circuit then refuses still follows a try that reached the receiver: the
    // sender must log that try as the attempt, not defer the delivery as if it had never been sent.
    private static void RememberTry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var tried = outcome.Result is { } response
            ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd()
            : outcome.Exception?.Message ?? "failed";
        context.GetRequestMessage()?.Options.Set(WebHookSender.LastTryOption, tried);
    }

    private static bool IsRefused(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { InnerException: AddressRefusedException };
}
