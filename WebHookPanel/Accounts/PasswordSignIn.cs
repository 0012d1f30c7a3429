using Microsoft.AspNetCore.Identity;

namespace WebHookPanel.Accounts;

/// <summary>
/// Signs a person in by email and password for the login page. The answer is only yes or no: an unknown email, a
/// wrong password, a locked-out and a disabled account look the same to the person signing in (the log tells
/// them apart), and each costs one password hashing like a known account, so timing does not tell either.
/// </summary>
public sealed partial class PasswordSignIn(
    SignInManager<PanelUser> signIn,
    IPasswordHasher<PanelUser> hasher,
    ILogger<PasswordSignIn> logger)
{
    private static readonly PanelUser Nobody = new() { UserName = "nobody" };

    private static string? _nobodysHash;

    public async Task<bool> SignInAsync(string email, string password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is null)
        {
            HashForNothing(password);
            LogUnknownEmail(logger);

            return false;
        }

        // Identity refuses these without looking at the password; the hashing is spent anyway so that a quick
        // refusal does not give away which accounts are locked or disabled.
        if (user.DisabledAt is not null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            HashForNothing(password);
            LogRefused(logger, user.Id, user.DisabledAt is null ? "locked out" : "disabled");

            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);

            return true;
        }

        var reason = result switch
        {
            { IsLockedOut: true } => "locked out",
            { IsNotAllowed: true } => "disabled",
            _ => "wrong password",
        };
        LogRefused(logger, user.Id, reason);

        return false;
    }

    private void HashForNothing(string password)
    {
        _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Sign-in of user {UserId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string userId, string reason);

    // The typed text is not logged: people type their password into the email box often enough.
    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Sign-in refused: no account has that email")]
    private static partial void LogUnknownEmail(ILogger logger);
}
