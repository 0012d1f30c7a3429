namespace WebHookPanel.Accounts;

/// <summary>Settings of sign-in sessions (<c>Panel__Accounts__*</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Panel:Accounts";

    /// <summary>
    /// How often an open page and the session cookie check that the user is still enabled, still has the role the
    /// session was opened with and has not had their password reset.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
