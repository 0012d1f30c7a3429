namespace WebHookPanel.Accounts;

/// <summary>What an admin fills in to create a user; also the model of the create dialog.</summary>
public sealed class NewUser
{
    public string Email { get; set; } = "";

    public string Role { get; set; } = PanelRoles.Marketer;

    /// <summary>The initial password; the admin passes it on to the user.</summary>
    public string Password { get; set; } = "";
}
