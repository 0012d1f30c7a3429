namespace WebHookPanel.Accounts;

public enum UserState
{
    Active,

    /// <summary>Too many failed sign-ins; it ends by itself, or when an admin resets the password.</summary>
    LockedOut,

    Disabled,
}
