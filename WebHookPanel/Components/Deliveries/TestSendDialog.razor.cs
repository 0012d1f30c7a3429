using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WebHookPanel.Accounts;
using WebHookPanel.Components.WebHookForm;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Deliveries;

/// <summary>
/// Sends the hook once with sample values, through the same service as <c>POST /api/webhooks/{id}/test</c>, and
/// shows the receiver's real answer.
/// </summary>
public sealed partial class TestSendDialog
{
    private List<SampleValue> _samples = [];
    private AttemptRecord? _result;
    private string? _error;
    private bool _sending;

    [Inject]
    public required DeliveryCommands Commands { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public required int WebHookId { get; set; }

    [Parameter, EditorRequired]
    public required WebHookDefinition Hook { get; set; }

    /// <summary>The version that <see cref="Hook"/> is; null sends the version in force.</summary>
    [Parameter]
    public int? Version { get; set; }

    protected override void OnParametersSet() => _samples = SampleValue.For(Hook, _samples);

    private async Task SendAsync()
    {
        // Only admins open this dialog; the check is here too because the send itself is what must not happen.
        if (!(await AuthenticationState).User.IsAdmin())
        {
            _error = "Only an admin can send test requests.";

            return;
        }

        _sending = true;
        _error = null;
        _result = null;
        var evt = SampleValue.ToEvent(Hook.Trigger.Type, _samples);
        evt.Code = Hook.Trigger.Filter;
        evt.OccurredAt = TimeProvider.GetUtcNow();

        try
        {
            var result = await Commands.TestSendAsync(WebHookId, evt, CancellationToken.None, Version);
            _result = result.Attempt;
            _error = result switch
            {
                { Found: false } => "This webhook does not exist any more.",
                { Sent: false } => result.Error,
                _ => null,
            };
        }
        finally
        {
            _sending = false;
        }
    }
}
