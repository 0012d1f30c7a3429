namespace WebHookPanel.Accounts;

/// <summary>The two roles of DESIGN §6.</summary>
public static class PanelRoles
{
    /// <summary>Everything: review, enable, delete, reveal secrets, users and keys.</summary>
    public const string Admin = "Admin";

    /// <summary>Creates and edits hooks and submits them for review.</summary>
    public const string Marketer = "Marketer";

    public static IReadOnlyList<string> All { get; } = [Admin, Marketer];
}
