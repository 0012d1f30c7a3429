using Microsoft.AspNetCore.Identity;

namespace WebHookPanel.Accounts;

/// <summary>
/// Rules beyond Identity's length and variety: a bounded length (hashing a megabyte is an easy way to load the
/// server) and not the account's own email address.
/// </summary>
public sealed class PanelPasswordValidator : IPasswordValidator<PanelUser>
{
    public const int MaxLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<PanelUser> manager, PanelUser user, string? password)
    {
        if (password is { Length: > MaxLength })
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"The password can have at most {MaxLength} characters.",
            }));
        }

        if (password is not null && string.Equals(password.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordIsEmail",
                Description = "The password cannot be the email address.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
