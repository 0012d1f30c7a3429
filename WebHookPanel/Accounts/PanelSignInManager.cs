using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Accounts;

/// <summary>
/// Identity's sign-in, with one rule of the panel on top: a disabled user can neither sign in nor keep a session
/// whose cookie was issued before they were disabled.
/// </summary>
public sealed class PanelSignInManager(
    UserManager<PanelUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PanelUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PanelUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PanelUser> confirmation)
    : SignInManager<PanelUser>(
        userManager,
        contextAccessor,
        claimsFactory,
        optionsAccessor,
        logger,
        schemes,
        confirmation)
{
    public override async Task<bool> CanSignInAsync(PanelUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    public override async Task<PanelUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);

        return user is { DisabledAt: null } ? user : null;
    }
}
