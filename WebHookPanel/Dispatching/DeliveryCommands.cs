using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Events;
using WebHookPanel.Requests;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>What admins do with deliveries: read the log, replay, resume a paused hook, send a test.</summary>
public sealed class DeliveryCommands(
    IDbContextFactory<PanelDbContext> contextFactory,
    DeliveryDispatcher dispatcher,
    RequestBuilder builder,
    RequestSigner signer,
    WebHookSender sender,
    HeaderSecretProtector protector,
    WebHookAudit audit,
    TimeProvider timeProvider)
{
    public const int PageSize = 20;

    public const int MaxPageSize = 200;

    /// <summary>The last page that can be asked for: further on, the rows to skip would not fit a number.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>A hook's deliveries, newest first, with their attempts; null when there is no such hook.</summary>
    public async Task<DeliveryPage?> ListAsync(
        int webHookId,
        DeliveryStatus? status,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, MaxPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await context.WebHooks.AnyAsync(h => h.Id == webHookId, cancellationToken))
        {
            return null;
        }

        var deliveries = context.Deliveries.AsNoTracking().Where(d => d.WebHookId == webHookId);
        if (status is { } wanted)
        {
            deliveries = deliveries.Where(d => d.Status == wanted);
        }

        var total = await deliveries.CountAsync(cancellationToken);
        var rows = await deliveries
            .OrderByDescending(d => d.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(d => new { Delivery = d, EventId = d.Event!.ClientId })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Delivery.Id).ToList();
        var attempts = (await context.Attempts.AsNoTracking()
                .Where(a => ids.Contains(a.DeliveryId))
                .OrderBy(a => a.Number)
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);

        var items = rows.Select(r => new DeliveryView(
            r.Delivery.Id,
            r.EventId,
            r.Delivery.WebHookVersion,
            r.Delivery.Status,
            r.Delivery.AttemptCount,
            r.Delivery.NextAttemptAt,
            r.Delivery.MessageId,
            r.Delivery.LastError,
            r.Delivery.CreatedAt,
            r.Delivery.FinishedAt,
            [.. attempts[r.Delivery.Id].Select(a => new AttemptView(a.Number, a.ToRecord()))]));

        return new DeliveryPage([.. items], total, page, pageSize);
    }

    /// <summary>The deliveries that the event with this client id created, in hook order.</summary>
    public async Task<IReadOnlyList<EventDelivery>> ListForEventAsync(
        string eventId,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Deliveries.AsNoTracking()
            .Where(d => d.Event!.ClientId == eventId)
            .OrderBy(d => d.WebHookId)
            .Select(d => new EventDelivery(
                d.Id,
                d.WebHookId,
                context.WebHooks.Where(h => h.Id == d.WebHookId).Select(h => h.Name).Single(),
                d.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a finished delivery again, with its <c>webhook-id</c>, from the start of the schedule. A delivery of a
    /// deleted hook is not found, as the hook is not: the dispatcher would only fail it again.
    /// </summary>
    public async Task<ReplayResult> ReplayAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // One conditional UPDATE, not a read and a save: two replays at once, or a replay and a claim, must not
        // both see the delivery finished and send it twice; nor may a hook deleted meanwhile get it started over.
        var finished = Replayable(context).Where(d => d.Id == deliveryId
            && d.Status != DeliveryStatus.Pending && d.Status != DeliveryStatus.InFlight
            && d.Status != DeliveryStatus.Held);
        if (await StartOverAsync(finished, cancellationToken) == 1)
        {
            dispatcher.RequestClaim();

            return ReplayResult.Replayed;
        }

        var status = await Replayable(context)
            .Where(d => d.Id == deliveryId)
            .Select(d => (DeliveryStatus?)d.Status)
            .SingleOrDefaultAsync(cancellationToken);

        return status switch
        {
            null => ReplayResult.NotFound,
            DeliveryStatus.Held => ReplayResult.Held,
            _ => ReplayResult.NotFinished,
        };
    }

    /// <summary>Replays every dead delivery of a hook; null when there is no such hook or it was deleted.</summary>
    public async Task<int?> ReplayDeadAsync(int webHookId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await context.WebHooks.AnyAsync(h => h.Id == webHookId && h.DeletedAt == null, cancellationToken))
        {
            return null;
        }

        // The hook is asked again inside the UPDATE: a delete between the two must not start its deliveries over.
        var dead = Replayable(context)
            .Where(d => d.WebHookId == webHookId && d.Status == DeliveryStatus.Dead);
        var replayed = await StartOverAsync(dead, cancellationToken);
        dispatcher.RequestClaim();

        return replayed;
    }

    // The deliveries of hooks that still exist: only those can be sent again.
    private static IQueryable<Delivery> Replayable(PanelDbContext context) =>
        context.Deliveries.Where(d => context.WebHooks.Any(h => h.Id == d.WebHookId && h.DeletedAt == null));

    // Starts the schedule over, due now; the admin asked to send them again.
    private async Task<int> StartOverAsync(IQueryable<Delivery> deliveries, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        return await deliveries.ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.ScheduleStep, 0)
                .SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(d => d.EventAtFault, false)
                .SetProperty(d => d.Deferrals, 0)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>
    /// Makes a paused hook active and its held deliveries due at once. A hook with no version in force has
    /// nothing to resume: it waits for an admin's approval instead.
    /// </summary>
    public async Task<ResumeOutcome> ResumeAsync(
        int webHookId,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var hook = await context.WebHooks.SingleOrDefaultAsync(
            h => h.Id == webHookId && h.DeletedAt == null,
            cancellationToken);
        if (hook is null)
        {
            return ResumeOutcome.NotFound;
        }

        if (hook.ActiveVersion is null)
        {
            return ResumeOutcome.NothingInForce;
        }

        var now = timeProvider.GetUtcNow();
        var before = hook.Status;
        hook.ChangeStatus(WebHookStatus.Active, now);
        audit.StatusChanged(context, actor, hook, before);
        await context.SaveChangesAsync(cancellationToken);
        await context.Deliveries
            .Where(d => d.WebHookId == webHookId && d.Status == DeliveryStatus.Held)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.NextAttemptAt, now)
                    .SetProperty(d => d.Deferrals, 0),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dispatcher.RequestClaim();

        return ResumeOutcome.Resumed;
    }

    /// <summary>
    /// Pauses an active hook: its due deliveries are held at their next claim instead of sent. False when there
    /// is no such hook or it is not active (a hook pending review or rejected stays as it is).
    /// </summary>
    public async Task<bool> PauseAsync(int webHookId, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks.SingleOrDefaultAsync(
            h => h.Id == webHookId && h.DeletedAt == null && h.Status == WebHookStatus.Active,
            cancellationToken);
        if (hook is null)
        {
            return false;
        }

        hook.ChangeStatus(WebHookStatus.Paused, timeProvider.GetUtcNow());
        audit.StatusChanged(context, actor, hook, WebHookStatus.Active);
        await context.SaveChangesAsync(cancellationToken);

        // The writer's next batch reads the pause and stops the deliveries already handed to workers.
        dispatcher.RequestClaim();

        return true;
    }

    /// <summary>
    /// Sends one version of the hook for <paramref name="evt"/> now, outside the outbox: <paramref name="version"/>
    /// (e.g. the one under review), else the version in force, else the latest of a hook never approved.
    /// </summary>
    public async Task<TestSendResult> TestSendAsync(
        int webHookId,
        WebHookEvent evt,
        CancellationToken cancellationToken,
        int? version = null)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks.AsNoTracking()
            .Where(h => h.Id == webHookId && h.DeletedAt == null)
            .Select(h => new { h.ActiveVersion, h.LatestVersion })
            .SingleOrDefaultAsync(cancellationToken);
        var number = version ?? hook?.ActiveVersion ?? hook?.LatestVersion;
        var definition = hook is null ? null : await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == webHookId && v.Number == number)
            .Select(v => v.Definition)
            .SingleOrDefaultAsync(cancellationToken);
        if (definition is null)
        {
            return new TestSendResult(false, null, null);
        }

        var messageId = Delivery.NewMessageId();
        BuiltRequest signed;
        try
        {
            var built = builder.Build(protector.Unprotect(definition), evt);
            if (!built.Succeeded)
            {
                return new TestSendResult(true, null, built.Error);
            }

            signed = await signer.SignAsync(built.Request, definition, webHookId, messageId, cancellationToken);
        }
        catch (UnreadableSecretException exception)
        {
            return new TestSendResult(true, null, exception.Message);
        }

        var result = await sender.SendAsync(signed, webHookId, messageId, cancellationToken);

        return new TestSendResult(true, result.Attempt, null);
    }
}
