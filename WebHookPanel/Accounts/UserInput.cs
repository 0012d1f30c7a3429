using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Accounts;

/// <summary>
/// Checks of a new account's fields that need no database, and Identity's answers placed under the field they are
/// about, so that every message names the field to fix.
/// </summary>
public static class UserInput
{
    public const int MaxEmailLength = 256;

    public const string RoleMessage = "Choose a role: Admin or Marketer.";

    public static FormErrors Check(NewUser user)
    {
        var errors = new FormErrors();
        var email = user.Email.Trim();
        if (email.Length == 0)
        {
            errors.Add(UserCommands.EmailField, "Enter the user's email address.");
        }
        else if (email.Length > MaxEmailLength)
        {
            errors.Add(UserCommands.EmailField, $"The email address can have at most {MaxEmailLength} characters.");
        }
        else if (!IsEmail(email))
        {
            errors.Add(UserCommands.EmailField, "Enter an email address such as name@example.com.");
        }

        if (!PanelRoles.All.Contains(user.Role))
        {
            errors.Add(UserCommands.RoleField, RoleMessage);
        }

        if (string.IsNullOrEmpty(user.Password))
        {
            errors.Add(UserCommands.PasswordField, "Enter a password.");
        }

        return errors;
    }

    /// <summary>Identity's errors under the field each is about; those about no field go under the fallback.</summary>
    public static UserChangeResult Describe(IdentityResult result, string fallbackField)
    {
        var errors = new FormErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(FieldOf(error.Code) ?? fallbackField, error.Description);
        }

        return UserChangeResult.Invalid(errors);
    }

    private static string? FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => UserCommands.PasswordField,
        _ when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal)
            => UserCommands.EmailField,
        _ => null,
    };

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);
}
