namespace WebHookPanel.Accounts;

/// <summary>
/// The first admin, created at start-up while no user exists (<c>Panel__BootstrapAdmin__Email</c>,
/// <c>Panel__BootstrapAdmin__Password</c>). Without them the first visit offers the first-run page.
/// </summary>
public sealed class BootstrapAdminOptions
{
    public const string SectionName = "Panel:BootstrapAdmin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
