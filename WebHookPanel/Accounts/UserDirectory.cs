using Microsoft.EntityFrameworkCore;
using WebHookPanel.Data;

namespace WebHookPanel.Accounts;

/// <summary>Reads of the accounts: the users page's list, and whether any account exists yet.</summary>
public sealed class UserDirectory(IDbContextFactory<PanelDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Every account by email, with its role and whether it may sign in now.</summary>
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = await context.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email, u.UserName, u.DisabledAt, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await (
                from link in context.UserRoles
                join role in context.Roles on link.RoleId equals role.Id
                select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Min(r => r.Name) ?? "");

        var now = timeProvider.GetUtcNow();

        return
        [
            .. users.Select(u =>
            {
                var lockedOutUntil = u.LockoutEnd > now ? u.LockoutEnd : null;
                var state = u.DisabledAt is not null ? UserState.Disabled
                    : lockedOutUntil is not null ? UserState.LockedOut
                    : UserState.Active;

                return new UserView(
                    u.Id,
                    u.Email ?? u.UserName ?? u.Id,
                    roleOf.GetValueOrDefault(u.Id, ""),
                    state,
                    u.DisabledAt,
                    lockedOutUntil);
            }),
        ];
    }
}
