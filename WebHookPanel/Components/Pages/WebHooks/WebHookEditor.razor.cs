using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.WebHooks;

/// <summary>
/// The create and edit wizard. The page owns the definition being edited; each step edits it in place and says
/// so through <c>OnChanged</c>, after which the page checks the whole definition again and redraws the cURL.
/// </summary>
public sealed partial class WebHookEditor
{
    private const int LastStep = 3;

    private static readonly string[] EndpointPaths = ["Name", "Uri", "UriParameters"];
    private static readonly string[] RequestPaths = ["Method", "Trigger", "BodyEncoding"];
    private static readonly string[] RowPaths = ["Headers", "Parameters"];

    private MudStepper? _stepper;
    private WebHookDefinition? _model;
    private string _savedJson = "";
    private FormErrors _errors = FormErrors.None;
    private string _templateCurl = "";
    private int _step;
    private bool _showAllErrors;
    private bool _saving;
    private bool _notFound;
    private bool _leaving;
    private bool _dirty;
    private int? _version;
    private int? _activeVersion;
    private WebHookReview? _review;
    private string _savedName = "";
    private IReadOnlySet<string> _keepableSecrets = new HashSet<string>();

    [Inject]
    public required WebHookCommands Commands { get; init; }

    [Inject]
    public required WebHookStore Store { get; init; }

    [Inject]
    public required CurlFormatter Curl { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter]
    public int? Id { get; set; }

    // The saved name: a heading that follows the name box would announce a rename that is not saved.
    private string Heading => Id is null ? "Create New WebHook" : $"Edit WebHook: {_savedName}";

    private string ParametersEmptyText => _model?.HasBody == true
        ? "No parameters: the body is empty."
        : "No parameters: nothing is added to the query.";

    private bool IsDirty => _dirty && !_leaving;

    protected override async Task OnParametersSetAsync()
    {
        if (Id is { } id)
        {
            var hook = await Store.FindAsync(id, CancellationToken.None);
            _notFound = hook is null;

            // Stored secret values never enter the form, not even encrypted: the model holds the mask.
            _keepableSecrets = DefinitionSecrets.KeepableKeys(hook);
            _model = SecretMask.Apply(hook?.Clone());
            _version = hook?.Version;
            _activeVersion = hook?.ActiveVersion;
            _review = hook?.Review;
        }
        else
        {
            _model = new WebHookDefinition();
        }

        if (_model is not null)
        {
            _savedName = _model.Name;
            _savedJson = Serialize(_model);
            Refresh();
        }
    }

    private Task OnModelChangedAsync()
    {
        Refresh();

        return Task.CompletedTask;
    }

    /// <summary>Checks the whole definition again and redraws the template sample: runs on every keystroke.</summary>
    private void Refresh()
    {
        if (_model is null)
        {
            return;
        }

        _errors = Commands.Check(_model);
        DefinitionSecrets.CheckMasks(_model, _keepableSecrets, _errors);
        _templateCurl = Curl.FormatTemplate(_model, revealSecrets: false);
        _dirty = Serialize(_model) != _savedJson;
    }

    private Task ValidateParametersAsync()
    {
        if (_model is null)
        {
            return Task.CompletedTask;
        }

        var result = Commands.SyncUriParameters(_model);
        Refresh();
        if (!result.IsValid)
        {
            _showAllErrors = true;
            Snackbar.Add("The URI has errors: see the message under it.", Severity.Warning);
        }
        else if (_model.UriParameters.Count == 0)
        {
            Snackbar.Add("The URI has no parameters in braces.", Severity.Info);
        }

        return Task.CompletedTask;
    }

    private Task OnStepChangingAsync(StepperInteractionEventArgs args)
    {
        if (_model is null || args.Action != StepAction.Complete && args.Action != StepAction.Activate)
        {
            return Task.CompletedTask;
        }

        // Leaving the first step labels the URI's parameters, as "Validate parameters" would.
        if (_step == 0)
        {
            Commands.SyncUriParameters(_model);
            Refresh();
        }

        var moving = args.Action == StepAction.Complete || args.StepIndex > _step;
        if (moving && StepHasErrors(_step))
        {
            _showAllErrors = true;
            args.Cancel = true;
            Snackbar.Add("Fix the fields marked in red before going on.", Severity.Warning);

            return Task.CompletedTask;
        }

        // A step is judged when it is left; the next one starts quiet until its fields are touched.
        _showAllErrors = false;

        return Task.CompletedTask;
    }

    private bool StepHasErrors(int step) => step switch
    {
        0 => _errors.AnyUnder(EndpointPaths),
        1 => _errors.AnyUnder(RequestPaths),
        2 => _errors.AnyUnder(RowPaths),
        _ => false,
    };

    private async Task SaveAsync()
    {
        if (_model is null || _saving)
        {
            return;
        }

        _saving = true;
        try
        {
            var actor = (await AuthenticationState).User;
            var result = Id is { } id
                ? await Commands.ReviseAsync(id, _model, actor, CancellationToken.None, expectedVersion: _version)
                : await Commands.CreateAsync(_model, actor, CancellationToken.None);
            if (!result.Succeeded)
            {
                _errors = result.Errors;
                _showAllErrors = true;
                Snackbar.Add(result.Message ?? "The webhook has errors: fix the fields marked in red.", Severity.Error);

                return;
            }

            _savedJson = Serialize(_model);
            _dirty = false;
            var name = _model.Name.Trim();
            Snackbar.Add(
                result.InForce
                    ? $"Saved \"{name}\": it is in force now."
                    : actor.IsAdmin()
                        ? $"Saved \"{name}\" for review, as it builds on a version that was never approved: "
                            + "approve it on its review page."
                        : $"Saved \"{name}\" for review: what is sent changes only once an admin approves it.",
                Severity.Success);
            Navigation.NavigateTo("webhooks");
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Unsaved changes",
            "This webhook has changes that are not saved. Leave and lose them?",
            yesText: "Leave",
            cancelText: "Stay");
        if (leave == true)
        {
            _leaving = true;

            return;
        }

        context.PreventNavigation();
    }

    private static string Serialize(WebHookDefinition model) => JsonSerializer.Serialize(model, PanelJson.Options);
}
