using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Review;

/// <summary>
/// Reads what an admin reviews and records the decision. Approving and rejecting are refused here, whoever calls,
/// unless the actor is an admin, and only the version that waits for review can be decided.
/// </summary>
public sealed class ReviewStore(
    IDbContextFactory<PanelDbContext> contextFactory,
    TimeProvider timeProvider,
    WebHookAudit audit)
{
    private static readonly Func<WebHook, WebHookSummary> Summarize = WebHookStore.ToSummary.Compile();

    /// <summary>The hook, its latest version, the version in force and their differences; null for no hook.</summary>
    public async Task<ReviewMaterial?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var hook = await context.WebHooks.AsNoTracking()
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return null;
        }

        var numbers = new[] { hook.LatestVersion, hook.ActiveVersion ?? hook.LatestVersion };
        var versions = await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == id && numbers.Contains(v.Number))
            .ToDictionaryAsync(v => v.Number, cancellationToken);
        var latest = versions[hook.LatestVersion];
        var inForce = hook.ActiveVersion is { } active ? versions[active].Definition : null;

        return new ReviewMaterial(
            Summarize(hook),
            WebHookReview.From(hook, latest),
            latest.Definition,
            inForce,
            DefinitionDiff.Compare(inForce, latest.Definition));
    }

    /// <summary>Puts <paramref name="version"/> in force if it waits for review and the actor is an admin.</summary>
    public Task<ReviewResult> ApproveAsync(
        int id,
        int version,
        string? comment,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken) =>
        DecideAsync(id, version, actor, cancellationToken, (context, hook, now) =>
        {
            var previous = hook.ActiveVersion;
            var approved = hook.Versions.Single(v => v.Number == version);
            hook.Approve(approved, actor.ActorName(), comment, now);
            audit.Approved(context, actor, hook, previous, comment);
        });

    /// <summary>Turns <paramref name="version"/> down; the version in force, if any, keeps serving.</summary>
    public Task<ReviewResult> RejectAsync(
        int id,
        int version,
        string comment,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken) =>
        DecideAsync(id, version, actor, cancellationToken, (context, hook, now) =>
        {
            hook.Reject(version, actor.ActorName(), comment, now);
            audit.Rejected(context, actor, hook, version, comment);
        });

    private async Task<ReviewResult> DecideAsync(
        int id,
        int version,
        ClaimsPrincipal actor,
        CancellationToken cancellationToken,
        Action<PanelDbContext, WebHook, DateTimeOffset> decide)
    {
        if (!actor.IsAdmin())
        {
            return ReviewResult.Forbidden();
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Read under the write lock, so that a change saved meanwhile cannot slip in beside the decision.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var hook = await context.WebHooks
            .Include(h => h.Versions.Where(v => v.Number == version))
            .SingleOrDefaultAsync(h => h.Id == id && h.DeletedAt == null, cancellationToken);
        if (hook is null)
        {
            return ReviewResult.NotFound();
        }

        if (!hook.AwaitsReview(version))
        {
            return ReviewResult.NotPending(version, hook.Review == ReviewState.Pending ? hook.LatestVersion : null);
        }

        decide(context, hook, timeProvider.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return ReviewResult.Done();
    }
}
