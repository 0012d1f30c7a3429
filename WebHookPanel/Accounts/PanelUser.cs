using Microsoft.AspNetCore.Identity;

namespace WebHookPanel.Accounts;

/// <summary>A person who signs in to the panel: an admin or a marketer (their role is an Identity role).</summary>
public sealed class PanelUser : IdentityUser
{
    /// <summary>Set when an admin disables the account: sign-in is refused and open sessions end.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
