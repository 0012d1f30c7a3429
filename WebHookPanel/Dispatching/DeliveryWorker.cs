using System.Text.Json;
using WebHookPanel.Events;
using WebHookPanel.Requests;
using WebHookPanel.Signing;

namespace WebHookPanel.Dispatching;

/// <summary>Works one claimed delivery: builds its request afresh through the request builder and sends it.</summary>
public sealed partial class DeliveryWorker(
    WebHookVersionCache versions,
    RequestBuilder builder,
    RequestSigner signer,
    WebHookSender sender,
    SendableHooks sendable,
    TimeProvider timeProvider,
    ILogger<DeliveryWorker> logger)
{
    public async Task<DeliveryOutcome> RunAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        // Paused or deleted since the delivery was handed out: given back unsent; its next claim holds or fails it.
        if (!sendable.Allows(work.WebHookId))
        {
            LogStopped(logger, work.DeliveryId, work.WebHookId);

            return new DeliveryOutcome(work, OutcomeKind.Released, null, null, null);
        }

        // The version in force now, not when the delivery was handed out: a fix or a new secret saved while it
        // waited in memory is what goes out, as for a retry or a replay.
        if (sendable.VersionInForce(work.WebHookId) is { } inForce && inForce != work.WebHookVersion)
        {
            work = work with { WebHookVersion = inForce };
        }

        try
        {
            var definition = await versions.GetAsync(work.WebHookId, work.WebHookVersion, cancellationToken);
            if (definition is null)
            {
                var missing = $"version {work.WebHookVersion} of webhook {work.WebHookId} does not exist";

                return Unsent(work, missing, "", OutcomeKind.Failed);
            }

            if (ReadEvent(work) is not { } evt)
            {
                return Unsent(work, "the stored event cannot be read", definition.Uri, OutcomeKind.EventRejected);
            }

            // Only a bad event is spared the consecutive-failure rule: a hook whose own template is broken fails
            // every event, and pausing it is what the rule is for.
            var built = builder.Build(definition, evt);
            if (!built.Succeeded)
            {
                var kind = built.EventAtFault ? OutcomeKind.EventRejected : OutcomeKind.Failed;

                return Unsent(work, built.Error, definition.Uri, kind);
            }

            var signed = await signer.SignAsync(
                built.Request,
                definition,
                work.WebHookId,
                work.MessageId,
                cancellationToken);
            var result = await sender.SendAsync(signed, work.WebHookId, work.MessageId, cancellationToken);
            LogAttempt(logger, work.DeliveryId, work.WebHookId, result.Attempt.ResponseStatus, result.Kind);

            var sent = result.Kind is not (OutcomeKind.Released or OutcomeKind.Deferred);

            return new DeliveryOutcome(
                work,
                result.Kind,
                sent ? AttemptRow.From(result.Attempt) : null,
                result.Attempt.Error,
                result.RetryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(work, OutcomeKind.Released, null, null, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A broken payload or definition ends this delivery only; the dispatcher carries on with the rest.
            LogWorkFailed(logger, exception, work.DeliveryId);

            var error = $"the request could not be prepared: {exception.Message}";

            return Unsent(work, error, "", OutcomeKind.Failed);
        }
    }

    private WebHookEvent? ReadEvent(DeliveryWork work)
    {
        try
        {
            return work.Event ?? StoredEvent.ReadPayload(work.PayloadJson ?? "{}");
        }
        catch (JsonException exception)
        {
            LogUnreadableEvent(logger, exception, work.DeliveryId);

            return null;
        }
    }

    private DeliveryOutcome Unsent(DeliveryWork work, string error, string url, OutcomeKind kind)
    {
        LogUnsent(logger, work.DeliveryId, work.WebHookId, error);
        var attempt = new AttemptRecord
        {
            StartedAt = timeProvider.GetUtcNow(),
            Duration = TimeSpan.Zero,
            Method = "",
            Url = url,
            RequestHeaders = [],
            Error = error,
        };

        return new DeliveryOutcome(work, kind, AttemptRow.From(attempt), error, null);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug,
        Message = "Delivery {DeliveryId} of webhook {WebHookId}: status {Status}, {Outcome}")]
    private static partial void LogAttempt(
        ILogger logger,
        long deliveryId,
        int webHookId,
        int? status,
        OutcomeKind outcome);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} of webhook {WebHookId} failed unsent: {Error}")]
    private static partial void LogUnsent(ILogger logger, long deliveryId, int webHookId, string error);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug,
        Message = "Delivery {DeliveryId} not sent: webhook {WebHookId} was paused or deleted after it was claimed")]
    private static partial void LogStopped(ILogger logger, long deliveryId, int webHookId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning,
        Message = "The stored event of delivery {DeliveryId} cannot be read")]
    private static partial void LogUnreadableEvent(ILogger logger, Exception exception, long deliveryId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be prepared")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, long deliveryId);
}
