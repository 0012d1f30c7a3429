using Microsoft.AspNetCore.Identity;

namespace WebHookPanel.Accounts;

/// <summary>
/// Identity's messages in the panel's words: each says what to change. The codes stay Identity's, so that
/// <see cref="UserCommands"/> can tell which field a message belongs under.
/// </summary>
public sealed class PanelIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"The password needs at least {length} characters.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(
            nameof(PasswordRequiresUniqueChars),
            $"The password needs at least {uniqueChars} different characters.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"{userName} already has an account.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), $"{email} already has an account.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(
            nameof(InvalidUserName),
            "Use an email address of letters, digits and . - _ + @ only, such as name@example.com.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), "Enter an email address such as name@example.com.");

    private static IdentityError Error(string code, string description) =>
        new() { Code = code, Description = description };
}
