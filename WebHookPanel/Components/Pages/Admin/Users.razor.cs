using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;

namespace WebHookPanel.Components.Pages.Admin;

/// <summary>
/// The accounts, for admins: create, change role, disable or enable, set a new password. Every action goes
/// through <see cref="UserCommands"/>, which checks the acting user's role again and audits the change.
/// </summary>
public sealed partial class Users
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm";

    private IReadOnlyList<UserView> _users = [];
    private string? _myId;
    private bool _loading = true;

    [Inject]
    public required UserCommands Commands { get; init; }

    [Inject]
    public required UserDirectory Directory { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _myId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        await LoadAsync();
    }

    private static string RoleText(UserView user) => user.Role.Length == 0 ? "No role" : user.Role;

    private static string RoleAction(UserView user) => user.IsAdmin ? "Make marketer" : "Make admin";

    private static string StateText(UserView user) => user.State switch
    {
        UserState.Disabled => $"Disabled since {user.DisabledAt?.ToString(TimeFormat)}",
        UserState.LockedOut => $"Locked out until {user.LockedOutUntil?.ToString(TimeFormat)}",
        _ => "Active",
    };

    private async Task LoadAsync()
    {
        _loading = true;
        _users = await Directory.ListAsync(CancellationToken.None);
        _loading = false;
    }

    private async Task<ClaimsPrincipal> ActorAsync() => (await AuthenticationState).User;

    private async Task OpenCreateAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("New user", options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string email })
        {
            Snackbar.Add($"Created {email}. Give them their password; they can sign in now.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ChangeRoleAsync(UserView user)
    {
        var role = user.IsAdmin ? PanelRoles.Marketer : PanelRoles.Admin;
        var result = await Commands.ChangeRoleAsync(await ActorAsync(), user.Id, role, CancellationToken.None);
        await ReportAsync(result, $"{user.Email} is now {(role == PanelRoles.Admin ? "an admin" : "a marketer")}.");
    }

    private async Task DisableAsync(UserView user)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Disable user",
            $"Disable {user.Email}? They cannot sign in, and pages they have open stop working within a minute.",
            yesText: "Disable",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Commands.DisableAsync(await ActorAsync(), user.Id, CancellationToken.None);
        await ReportAsync(result, $"{user.Email} is disabled.");
    }

    private async Task EnableAsync(UserView user)
    {
        var result = await Commands.EnableAsync(await ActorAsync(), user.Id, CancellationToken.None);
        await ReportAsync(result, $"{user.Email} can sign in again.");
    }

    private async Task OpenResetPasswordAsync(UserView user)
    {
        var parameters = new DialogParameters<ResetPasswordDialog> { { d => d.User, user } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<ResetPasswordDialog>("Reset password", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add($"New password set for {user.Email}; their open sessions end.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ReportAsync(UserChangeResult result, string done)
    {
        Snackbar.Add(
            result.Succeeded ? done : result.Refusal ?? string.Join(" ", result.Errors.All.SelectMany(e => e.Value)),
            result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }
}
