using WebHookPanel.WebHooks;

namespace WebHookPanel.Accounts;

/// <summary>
/// What came of a change of a user: done, invalid input (messages keyed by the field: <c>Email</c>,
/// <c>Password</c>, <c>Role</c>), or refused as a whole with a reason.
/// </summary>
public sealed record UserChangeResult(FormErrors Errors, string? Refusal = null)
{
    public bool Succeeded => Errors.IsEmpty && Refusal is null;

    public static UserChangeResult Done() => new(FormErrors.None);

    public static UserChangeResult Invalid(FormErrors errors) => new(errors);

    public static UserChangeResult Invalid(string field, string message)
    {
        var errors = new FormErrors();
        errors.Add(field, message);

        return new UserChangeResult(errors);
    }

    public static UserChangeResult Refused(string reason) => new(FormErrors.None, reason);
}
