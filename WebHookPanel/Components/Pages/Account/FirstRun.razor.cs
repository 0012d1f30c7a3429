using Microsoft.AspNetCore.Components;
using WebHookPanel.Accounts;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.Account;

/// <summary>
/// Creates the first admin of a panel started without <c>Panel__BootstrapAdmin__*</c>. The page exists only while
/// no account exists: afterwards it answers 404 to a GET and a POST alike, and <see cref="UserCommands"/> refuses
/// a second first admin even if two posts race.
/// </summary>
public sealed partial class FirstRun
{
    public const string PasswordHelp = "At least 12 characters; a phrase of a few words is easy to remember.";

    private const string ConfirmField = nameof(FirstRunForm.ConfirmPassword);

    private FormErrors _errors = FormErrors.None;
    private bool _open;

    [Inject]
    public required UserCommands Users { get; init; }

    [Inject]
    public required UserDirectory Directory { get; init; }

    [Inject]
    public required PasswordSignIn PasswordSignIn { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromForm(FormName = "first-run")]
    public FirstRunForm? Input { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _open = !await Directory.AnyUserAsync(CancellationToken.None);
        if (!_open)
        {
            Navigation.NotFound();
        }
    }

    private async Task CreateAsync()
    {
        var email = Input?.Email?.Trim() ?? "";
        var password = Input?.Password ?? "";
        if (password.Length > 0 && password != Input?.ConfirmPassword)
        {
            _errors = new FormErrors();
            _errors.Add(ConfirmField, "The two passwords differ: type the same password twice.");

            return;
        }

        var result = await Users.CreateFirstAdminAsync(
            email,
            password,
            "on the first-run page",
            CancellationToken.None);
        if (result.Refusal is not null)
        {
            // Someone else was quicker: the page no longer exists.
            _open = false;
            Navigation.NotFound();

            return;
        }

        if (!result.Succeeded)
        {
            _errors = result.Errors;

            return;
        }

        await PasswordSignIn.SignInAsync(email, password);
        Navigation.NavigateTo("/");
    }
}
