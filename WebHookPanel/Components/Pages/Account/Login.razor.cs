using Microsoft.AspNetCore.Components;
using WebHookPanel.Accounts;

namespace WebHookPanel.Components.Pages.Account;

/// <summary>
/// Email and password, posted as a plain form with an antiforgery token. Any failure shows the same message, so
/// the page never tells whether an account exists, is locked out or is disabled.
/// </summary>
public sealed partial class Login
{
    public const string InvalidCredentials = "Invalid email or password.";

    private bool _failed;
    private bool _firstRunOpen;

    [Inject]
    public required PasswordSignIn PasswordSignIn { get; init; }

    [Inject]
    public required UserDirectory Directory { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = AccountPaths.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromForm(FormName = "login")]
    public LoginForm? Input { get; set; }

    protected override async Task OnInitializedAsync() =>
        _firstRunOpen = !await Directory.AnyUserAsync(CancellationToken.None);

    private async Task SignInAsync()
    {
        if (await PasswordSignIn.SignInAsync(Input?.Email ?? "", Input?.Password ?? ""))
        {
            Navigation.NavigateTo(LocalReturnUrl.Or(ReturnUrl));

            return;
        }

        _failed = true;
    }
}
