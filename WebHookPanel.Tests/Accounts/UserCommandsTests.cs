using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Accounts;
using WebHookPanel.Audit;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;

namespace WebHookPanel.Tests.Accounts;

public sealed class UserCommandsTests : IAsyncLifetime
{
    private const string Password = "a password of some length";

    private PanelDatabase _database = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private UserCommands Commands => _database.UserCommands;

    public async ValueTask InitializeAsync()
    {
        _database = await PanelDatabase.CreateAsync(Cancellation);
        var created = await Commands.CreateFirstAdminAsync(PanelFactory.AdminEmail, Password, "test", Cancellation);
        Assert.True(created.Succeeded);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task EveryChange_IsAuditedWithActorAndNeverThePassword()
    {
        var user = await CreateAsync("ann@panel.test", PanelRoles.Marketer);

        await Succeeds(Commands.ChangeRoleAsync(TestActors.Admin, user.Id, PanelRoles.Admin, Cancellation));
        await Succeeds(Commands.DisableAsync(TestActors.Admin, user.Id, Cancellation));
        await Succeeds(Commands.EnableAsync(TestActors.Admin, user.Id, Cancellation));
        await Succeeds(Commands.ResetPasswordAsync(TestActors.Admin, user.Id, "another long password", Cancellation));
        var entries = await AuditOfAsync(user.Id);

        Assert.Equal(
            ["user.created", "user.role-changed", "user.disabled", "user.enabled", "user.password-reset"],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(PanelFactory.AdminEmail, e.Actor));
        Assert.All(entries, e => Assert.Equal("user", e.TargetType));
        Assert.Equal("ann@panel.test: role Marketer → Admin.", entries[1].Summary);
        Assert.All(entries, e => Assert.DoesNotContain("password of some", e.Summary, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("another long", e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_BadFields_NamesEachFieldAndStoresNothing()
    {
        var result = await Commands.CreateAsync(
            TestActors.Admin,
            new NewUser { Email = "not an email", Role = "Owner", Password = "short" },
            Cancellation);

        Assert.False(result.Succeeded);
        Assert.Equal("Enter an email address such as name@example.com.", result.Errors.For(UserCommands.EmailField));
        Assert.Equal(UserInput.RoleMessage, result.Errors.For(UserCommands.RoleField));
        Assert.Single(await _database.UserDirectory.ListAsync(Cancellation));
    }

    [Fact]
    public async Task Create_ShortPasswordOrTakenEmail_NamesTheField()
    {
        var shortPassword = await Commands.CreateAsync(
            TestActors.Admin,
            new NewUser { Email = "bob@panel.test", Password = "short" },
            Cancellation);
        var taken = await Commands.CreateAsync(
            TestActors.Admin,
            new NewUser { Email = "ADMIN@panel.test", Password = Password },
            Cancellation);

        Assert.Equal(
            "The password needs at least 12 characters.",
            shortPassword.Errors.For(UserCommands.PasswordField));
        Assert.Contains("already has an account", taken.Errors.For(UserCommands.EmailField), StringComparison.Ordinal);
        Assert.Single(await _database.UserDirectory.ListAsync(Cancellation));
    }

    [Fact]
    public async Task EveryChange_ByMarketer_IsRefusedAndChangesNothing()
    {
        var admin = (await _database.UserDirectory.ListAsync(Cancellation)).Single();

        var results = new[]
        {
            await Commands.CreateAsync(
                TestActors.Marketer,
                new NewUser { Email = "eve@panel.test", Role = PanelRoles.Admin, Password = Password },
                Cancellation),
            await Commands.ChangeRoleAsync(TestActors.Marketer, admin.Id, PanelRoles.Marketer, Cancellation),
            await Commands.DisableAsync(TestActors.Marketer, admin.Id, Cancellation),
            await Commands.ResetPasswordAsync(TestActors.Marketer, admin.Id, Password + "!", Cancellation),
        };

        Assert.All(results, r => Assert.Equal(UserCommands.AdminOnly, r.Refusal));
        Assert.Equal([admin], await _database.UserDirectory.ListAsync(Cancellation));
        Assert.Single(await AuditOfAsync(admin.Id));
    }

    [Fact]
    public async Task DisableOrDemote_LastActiveAdmin_IsRefused()
    {
        var admin = (await _database.UserDirectory.ListAsync(Cancellation)).Single();

        var disabled = await Commands.DisableAsync(TestActors.Admin, admin.Id, Cancellation);
        var demoted = await Commands.ChangeRoleAsync(TestActors.Admin, admin.Id, PanelRoles.Marketer, Cancellation);

        Assert.Contains("last active admin", disabled.Refusal, StringComparison.Ordinal);
        Assert.Contains("last active admin", demoted.Refusal, StringComparison.Ordinal);
        Assert.Equal([admin], await _database.UserDirectory.ListAsync(Cancellation));
    }

    [Fact]
    public async Task Demote_AnotherActiveAdminExists_IsAllowed()
    {
        var admin = (await _database.UserDirectory.ListAsync(Cancellation)).Single();
        var second = await CreateAsync("second@panel.test", PanelRoles.Admin);

        await Succeeds(Commands.DisableAsync(TestActors.Admin, second.Id, Cancellation));
        var whileSecondDisabled = await Commands.ChangeRoleAsync(
            TestActors.Admin,
            admin.Id,
            PanelRoles.Marketer,
            Cancellation);
        await Succeeds(Commands.EnableAsync(TestActors.Admin, second.Id, Cancellation));
        await Succeeds(Commands.ChangeRoleAsync(TestActors.Admin, admin.Id, PanelRoles.Marketer, Cancellation));

        Assert.NotNull(whileSecondDisabled.Refusal);
        var users = await _database.UserDirectory.ListAsync(Cancellation);
        Assert.Equal(PanelRoles.Marketer, users.Single(u => u.Id == admin.Id).Role);
    }

    [Fact]
    public async Task ResetPassword_TooShort_KeepsTheOldPassword()
    {
        var user = await CreateAsync("carl@panel.test", PanelRoles.Marketer);

        var result = await Commands.ResetPasswordAsync(TestActors.Admin, user.Id, "short", Cancellation);

        Assert.Equal("The password needs at least 12 characters.", result.Errors.For(UserCommands.PasswordField));
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Cancellation);
        var stored = await context.Users.SingleAsync(u => u.Id == user.Id, Cancellation);
        var check = new PasswordHasher<PanelUser>().VerifyHashedPassword(stored, stored.PasswordHash!, Password);
        Assert.Equal(PasswordVerificationResult.Success, check);
        Assert.Equal(["user.created"], (await AuditOfAsync(user.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task CreateFirstAdmin_AccountsExist_IsRefused()
    {
        var result = await Commands.CreateFirstAdminAsync("late@panel.test", Password, "test", Cancellation);

        Assert.NotNull(result.Refusal);
        Assert.Single(await _database.UserDirectory.ListAsync(Cancellation));
    }

    private static async Task Succeeds(Task<UserChangeResult> change)
    {
        var result = await change;
        Assert.True(result.Succeeded, result.Refusal ?? string.Join(" ", result.Errors.All.SelectMany(e => e.Value)));
    }

    private async Task<UserView> CreateAsync(string email, string role)
    {
        await Succeeds(Commands.CreateAsync(
            TestActors.Admin,
            new NewUser { Email = email, Role = role, Password = Password },
            Cancellation));

        return (await _database.UserDirectory.ListAsync(Cancellation)).Single(u => u.Email == email);
    }

    private async Task<List<AuditEntry>> AuditOfAsync(string userId)
    {
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Cancellation);

        return await context.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == "user" && e.TargetId == userId)
            .OrderBy(e => e.Id)
            .ToListAsync(Cancellation);
    }
}
