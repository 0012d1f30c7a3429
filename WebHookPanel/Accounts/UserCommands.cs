using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Accounts;

/// <summary>
/// Every change of an account: the users page, the first-run page and the bootstrap admin go through here. Each
/// change checks the actor's role itself, whatever the page showed, and commits in one transaction with its audit
/// entry. Passwords never reach the audit log or a log line.
/// </summary>
public sealed partial class UserCommands(
    IServiceScopeFactory scopeFactory,
    UserDirectory directory,
    AuditTrail auditTrail,
    TimeProvider timeProvider,
    ILogger<UserCommands> logger)
{
    public const string EmailField = nameof(NewUser.Email);

    public const string PasswordField = nameof(NewUser.Password);

    public const string RoleField = nameof(NewUser.Role);

    public const string AdminOnly = "Only an admin can manage users.";

    private const string TargetType = "user";

    private const string Missing = "This user no longer exists; reload the page.";

    // One account change at a time: the last-admin rule reads the admins and then changes one of them.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The actor of changes the panel makes itself (the bootstrap admin, the first-run page).</summary>
    public static ClaimsPrincipal System { get; } = new(new ClaimsIdentity());

    public async Task<UserChangeResult> CreateAsync(ClaimsPrincipal actor, NewUser user, CancellationToken ct)
    {
        if (!actor.IsAdmin())
        {
            return UserChangeResult.Refused(AdminOnly);
        }

        var errors = await CheckAsync(user);
        if (!errors.IsEmpty)
        {
            return UserChangeResult.Invalid(errors);
        }

        return await UnderGateAsync(() => InsertAsync(actor, user, "", ct), ct);
    }

    /// <summary>
    /// Creates the first account, an admin, only while there is no account at all; <paramref name="source"/> says
    /// where it came from for the audit log.
    /// </summary>
    public async Task<UserChangeResult> CreateFirstAdminAsync(
        string email,
        string password,
        string source,
        CancellationToken ct)
    {
        var user = new NewUser { Email = email.Trim(), Password = password, Role = PanelRoles.Admin };
        var errors = await CheckAsync(user);
        if (!errors.IsEmpty)
        {
            return UserChangeResult.Invalid(errors);
        }

        return await UnderGateAsync(
            async () => await directory.AnyUserAsync(ct)
                ? UserChangeResult.Refused("An account exists already: sign in instead.")
                : await InsertAsync(System, user, $" ({source})", ct),
            ct);
    }

    public async Task<UserChangeResult> ChangeRoleAsync(
        ClaimsPrincipal actor,
        string userId,
        string role,
        CancellationToken ct)
    {
        if (!PanelRoles.All.Contains(role))
        {
            return UserChangeResult.Invalid(RoleField, UserInput.RoleMessage);
        }

        return await ChangeAsync(actor, userId, ct, async (users, context, user) =>
        {
            var roles = await users.GetRolesAsync(user);
            if (roles.SequenceEqual([role]))
            {
                return Outcome.Unchanged;
            }

            if (roles.Contains(PanelRoles.Admin) && await IsLastActiveAdminAsync(context, user, ct))
            {
                return Outcome.Refuse(LastAdmin(user));
            }

            Check(await users.RemoveFromRolesAsync(user, roles));
            Check(await users.AddToRoleAsync(user, role));

            // Open pages of this user lose their old rights at the next check.
            Check(await users.UpdateSecurityStampAsync(user));
            var before = roles.Count == 0 ? "none" : string.Join(", ", roles);

            return Outcome.Audit("user.role-changed", $"{user.Email}: role {before} → {role}.");
        });
    }

    public Task<UserChangeResult> DisableAsync(ClaimsPrincipal actor, string userId, CancellationToken ct) =>
        ChangeAsync(actor, userId, ct, async (users, context, user) =>
        {
            if (user.DisabledAt is not null)
            {
                return Outcome.Unchanged;
            }

            if (await users.IsInRoleAsync(user, PanelRoles.Admin)
                && await IsLastActiveAdminAsync(context, user, ct))
            {
                return Outcome.Refuse(LastAdmin(user));
            }

            user.DisabledAt = timeProvider.GetUtcNow();

            // Saves the user too; the new stamp ends the sessions they have open.
            Check(await users.UpdateSecurityStampAsync(user));

            return Outcome.Audit("user.disabled", $"{user.Email} disabled: cannot sign in, open sessions end.");
        });

    public Task<UserChangeResult> EnableAsync(ClaimsPrincipal actor, string userId, CancellationToken ct) =>
        ChangeAsync(actor, userId, ct, async (users, _, user) =>
        {
            if (user.DisabledAt is null)
            {
                return Outcome.Unchanged;
            }

            user.DisabledAt = null;
            Check(await users.UpdateAsync(user));

            return Outcome.Audit("user.enabled", $"{user.Email} enabled.");
        });

    /// <summary>Sets a new password chosen by an admin; it also lifts a lockout and ends open sessions.</summary>
    public Task<UserChangeResult> ResetPasswordAsync(
        ClaimsPrincipal actor,
        string userId,
        string password,
        CancellationToken ct) =>
        ChangeAsync(actor, userId, ct, async (users, _, user) =>
        {
            Check(await users.RemovePasswordAsync(user));
            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded)
            {
                return Outcome.Refuse(UserInput.Describe(added, PasswordField));
            }

            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));

            return Outcome.Audit("user.password-reset", $"{user.Email}: password set by an admin, lockout lifted.");
        });

    /// <summary>Every field at once, the password against Identity's rules too, before anything is stored.</summary>
    private async Task<FormErrors> CheckAsync(NewUser input)
    {
        var errors = UserInput.Check(input);
        if (errors.Has(PasswordField))
        {
            return errors;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PanelUser>>();
        var candidate = new PanelUser { UserName = input.Email.Trim(), Email = input.Email.Trim() };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, input.Password);
            foreach (var error in result.Errors)
            {
                errors.Add(PasswordField, error.Description);
            }
        }

        return errors;
    }

    private static UserChangeResult LastAdmin(PanelUser user) => UserChangeResult.Refused(
        $"{user.Email} is the last active admin: make another user an admin first.");

    private static async Task<bool> IsLastActiveAdminAsync(PanelDbContext context, PanelUser user, CancellationToken ct)
    {
        var adminRole = PanelRoles.Admin.ToUpperInvariant();
        var otherActiveAdmins =
            from link in context.UserRoles
            join role in context.Roles on link.RoleId equals role.Id
            join other in context.Users on link.UserId equals other.Id
            where role.NormalizedName == adminRole && other.Id != user.Id && other.DisabledAt == null
            select other.Id;

        return user.DisabledAt is null && !await otherActiveAdmins.AnyAsync(ct);
    }

    // Identity reports storage failures as results; they are not the user's input, so they end the change.
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task<UserChangeResult> UnderGateAsync(Func<Task<UserChangeResult>> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<UserChangeResult> InsertAsync(
        ClaimsPrincipal actor,
        NewUser input,
        string how,
        CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PanelUser>>();
        var context = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
        await using var transaction = await context.Database.BeginTransactionAsync(ct);

        var email = input.Email.Trim();
        var user = new PanelUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return UserInput.Describe(created, EmailField);
        }

        Check(await users.AddToRoleAsync(user, input.Role));
        var summary = $"{email} created as {input.Role}{how}.";
        auditTrail.Record(context, actor, "user.created", TargetType, user.Id, summary);
        await context.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogUserChanged(logger, "user.created", user.Id, actor.ActorName());

        return UserChangeResult.Done();
    }

    /// <summary>Finds the user and runs <paramref name="change"/> in one transaction with its audit entry.</summary>
    private Task<UserChangeResult> ChangeAsync(
        ClaimsPrincipal actor,
        string userId,
        CancellationToken ct,
        Func<UserManager<PanelUser>, PanelDbContext, PanelUser, Task<Outcome>> change) =>
        UnderGateAsync(
            async () =>
            {
                if (!actor.IsAdmin())
                {
                    return UserChangeResult.Refused(AdminOnly);
                }

                await using var scope = scopeFactory.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<PanelUser>>();
                var context = scope.ServiceProvider.GetRequiredService<PanelDbContext>();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);

                var user = await users.FindByIdAsync(userId);
                if (user is null)
                {
                    return UserChangeResult.Refused(Missing);
                }

                // A refused change leaves the transaction uncommitted: whatever it saved on the way rolls back.
                var outcome = await change(users, context, user);
                if (outcome is { Action: { } action, Result.Succeeded: true })
                {
                    auditTrail.Record(context, actor, action, TargetType, user.Id, outcome.Summary);
                    await context.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    LogUserChanged(logger, action, user.Id, actor.ActorName());
                }

                return outcome.Result;
            },
            ct);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "{Action} for user {UserId} by {Actor}")]
    private static partial void LogUserChanged(ILogger logger, string action, string userId, string actor);

    /// <summary>What one change did: nothing, a refusal, or a change to audit.</summary>
    private sealed record Outcome(UserChangeResult Result, string? Action = null, string Summary = "")
    {
        public static Outcome Unchanged => new(UserChangeResult.Done());

        public static Outcome Refuse(UserChangeResult result) => new(result);

        public static Outcome Audit(string action, string summary) => new(UserChangeResult.Done(), action, summary);
    }
}
