using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebHookPanel.Accounts;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// Gives a test panel its marketer (<see cref="PanelFactory.MarketerEmail"/>) beside the bootstrap admin. A panel
/// started without a bootstrap admin gets no marketer either, so that it has no account at all.
/// </summary>
public sealed class MarketerSeeder(IServiceScopeFactory scopeFactory, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration[$"{PanelFactory.BootstrapAdminSetting}:Email"]))
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PanelUser>>();
        if (await users.FindByEmailAsync(PanelFactory.MarketerEmail) is not null)
        {
            return;
        }

        var marketer = new PanelUser { UserName = PanelFactory.MarketerEmail, Email = PanelFactory.MarketerEmail };
        Check(await users.CreateAsync(marketer, PanelFactory.MarketerPassword));
        Check(await users.AddToRoleAsync(marketer, PanelRoles.Marketer));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
