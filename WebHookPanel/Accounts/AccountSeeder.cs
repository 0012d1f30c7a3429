using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Accounts;

/// <summary>
/// Creates the roles and, while no user exists, the admin of <see cref="BootstrapAdminOptions"/>. Registered after
/// the database migrator, so it runs on a migrated schema; a bootstrap admin that cannot be created stops the
/// panel with a message naming the setting, rather than leaving a panel nobody can sign in to.
/// </summary>
public sealed partial class AccountSeeder(
    IServiceScopeFactory scopeFactory,
    UserCommands userCommands,
    UserDirectory directory,
    IOptions<BootstrapAdminOptions> bootstrap,
    ILogger<AccountSeeder> logger) : IHostedService
{
    private const string Setting = "Panel__BootstrapAdmin__";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();

        var (email, password) = (bootstrap.Value.Email?.Trim(), bootstrap.Value.Password);
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(password))
        {
            if (!await directory.AnyUserAsync(cancellationToken))
            {
                LogFirstRunOpen(logger, AccountPaths.FirstRun);
            }

            return;
        }

        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException(
                $"Set both {Setting}Email and {Setting}Password, or neither (then the first visit creates the admin "
                + $"on {AccountPaths.FirstRun}).");
        }

        var result = await userCommands.CreateFirstAdminAsync(
            email,
            password,
            "from the bootstrap settings",
            cancellationToken);
        if (result.Refusal is not null)
        {
            // Users exist: the settings only ever create the first one.
            return;
        }

        if (!result.Succeeded)
        {
            var messages = result.Errors.All.Select(e => $"{Setting}{e.Key}: {string.Join(" ", e.Value)}");
            throw new InvalidOperationException(string.Join(" ", messages));
        }

        LogBootstrapAdminCreated(logger, email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureRolesAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PanelRoles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded)
            {
                var reasons = string.Join(" ", created.Errors.Select(e => e.Description));
                throw new InvalidOperationException($"The role {role} could not be created: {reasons}");
            }
        }
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Created the bootstrap admin {Email}")]
    private static partial void LogBootstrapAdminCreated(ILogger logger, string email);

    [LoggerMessage(
        EventId = 4001,
        Level = LogLevel.Warning,
        Message = "No user exists yet: open {Path} to create the first admin")]
    private static partial void LogFirstRunOpen(ILogger logger, string path);
}
