using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WebHookPanel.Accounts;
using WebHookPanel.Api;
using WebHookPanel.Components.WebHookForm;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.Pages.Simulator;

/// <summary>
/// Fires a sample event through <see cref="EventIntake"/>, the path of <c>POST /api/events</c>, and lists the
/// deliveries it created.
/// </summary>
public sealed partial class EventSimulator
{
    private static readonly string[] UserKeys = ["externalId", "email", "name", "city"];
    private static readonly string[] DeviceKeys = ["platform", "osVersion", "appVersion"];
    private static readonly string[] ParamKeys = ["userId", "campaign"];

    private readonly List<SampleRow> _user = Rows(UserKeys);
    private readonly List<SampleRow> _device = Rows(DeviceKeys);
    private readonly List<SampleRow> _params = Rows(ParamKeys);
    private List<SampleRow> _context = Rows(ContextKeys(TriggerType.PushClick));
    private TriggerType _trigger = TriggerType.PushClick;
    private string? _code;
    private IReadOnlyList<string> _errors = [];
    private IReadOnlyList<EventDelivery> _deliveries = [];
    private string? _eventId;
    private bool _firing;

    [Inject]
    public required EventIntake Intake { get; init; }

    [Inject]
    public required DeliveryCommands Commands { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    private string CodeHelp => _trigger == TriggerType.Event ? "Required: the event code" : "Optional";

    private static string[] ContextKeys(TriggerType trigger) => trigger switch
    {
        TriggerType.PushClick => ["pushId", "buttonId", "campaign"],
        TriggerType.MessageLog => ["messageId", "campaign"],
        TriggerType.Geofence => ["geofenceId", "transition"],
        _ => ["orderId"],
    };

    private static List<SampleRow> Rows(IEnumerable<string> keys) =>
        [.. keys.Select(k => new SampleRow(k, SampleValue.Plausible(k)))];

    private static Dictionary<string, string?> Values(List<SampleRow> rows)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !string.IsNullOrWhiteSpace(r.Key)))
        {
            values[row.Key.Trim()] = row.Value;
        }

        return values;
    }

    private void OnTriggerChanged(TriggerType trigger)
    {
        _trigger = trigger;

        // Context keys differ by trigger; the user's own edits of the other groups stay.
        _context = Rows(ContextKeys(trigger));
        if (trigger == TriggerType.Event && string.IsNullOrWhiteSpace(_code))
        {
            _code = "order.shipped";
        }
    }

    private async Task FireAsync()
    {
        // The page is for admins only; the check is here too because firing is what must not happen.
        if (!(await AuthenticationState).User.IsAdmin())
        {
            _errors = ["Only an admin can fire events."];

            return;
        }

        var evt = new IncomingEvent
        {
            Type = _trigger,
            Code = string.IsNullOrWhiteSpace(_code) ? null : _code.Trim(),
            OccurredAt = TimeProvider.GetUtcNow(),
            User = Values(_user),
            Device = Values(_device),
            Context = Values(_context),
            Params = Values(_params),
        };
        _errors = [.. Intake.Validate(evt).Errors.Select(e => e.ErrorMessage)];
        if (_errors.Count > 0)
        {
            return;
        }

        _firing = true;
        try
        {
            var ids = await Intake.IngestAsync([evt], CancellationToken.None);
            _eventId = ids[0];
            _deliveries = await Commands.ListForEventAsync(_eventId, CancellationToken.None);
        }
        catch (InvalidOperationException exception)
        {
            _errors = [exception.Message];
        }
        finally
        {
            _firing = false;
        }
    }
}
