using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.Admin;

/// <summary>An admin sets a new password for a user; closes once it is stored.</summary>
public sealed partial class ResetPasswordDialog
{
    private string _password = "";
    private FormErrors _errors = FormErrors.None;
    private string? _refusal;
    private bool _saving;

    [Inject]
    public required UserCommands Commands { get; init; }

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public required UserView User { get; set; }

    private async Task ResetAsync()
    {
        _saving = true;
        try
        {
            var actor = (await AuthenticationState).User;
            var result = await Commands.ResetPasswordAsync(actor, User.Id, _password, CancellationToken.None);
            _errors = result.Errors;
            _refusal = result.Refusal;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(true));
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
