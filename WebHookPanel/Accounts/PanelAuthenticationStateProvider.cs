using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Accounts;

/// <summary>
/// The signed-in user of an open page (a Blazor circuit), checked again every
/// <see cref="AccountOptions.RevalidationInterval"/>: a circuit lives on without HTTP requests, so without this a
/// user who was disabled, given another role or given a new password would keep their old rights until they
/// closed the tab. Such changes renew the security stamp, which no longer matches the one signed in with.
/// </summary>
public sealed class PanelAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<AccountOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState,
        CancellationToken cancellationToken)
    {
        // A scope of its own: the circuit's scope lives for hours, and its context would answer from its cache.
        await using var scope = scopeFactory.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PanelUser>>();

        return await signIn.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }
}
