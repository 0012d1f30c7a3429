namespace WebHookPanel.Components.Pages.Account;

/// <summary>The fields posted by the first-run page.</summary>
public sealed class FirstRunForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
