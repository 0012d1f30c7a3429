namespace WebHookPanel.Accounts;

/// <summary>One row of the users page.</summary>
public sealed record UserView(
    string Id,
    string Email,
    string Role,
    UserState State,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LockedOutUntil)
{
    public bool IsAdmin => Role == PanelRoles.Admin;
}
