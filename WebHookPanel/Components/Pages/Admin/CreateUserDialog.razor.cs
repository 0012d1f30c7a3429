using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.Admin;

/// <summary>Creates an account with an initial password; closes with the new user's email when it is stored.</summary>
public sealed partial class CreateUserDialog
{
    public const string PasswordHelp = "At least 12 characters. Pass it on to the user yourself.";

    private readonly NewUser _user = new();
    private FormErrors _errors = FormErrors.None;
    private string? _refusal;
    private bool _saving;

    [Inject]
    public required UserCommands Commands { get; init; }

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            var actor = (await AuthenticationState).User;
            var result = await Commands.CreateAsync(actor, _user, CancellationToken.None);
            _errors = result.Errors;
            _refusal = result.Refusal;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(_user.Email.Trim()));
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
