using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>An event as posted to <c>POST /api/events</c>: everything optional so that each gap can be named.</summary>
public sealed class IncomingEvent
{
    public string? Id { get; set; }

    public TriggerType? Type { get; set; }

    public string? Code { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }

    public Dictionary<string, string?>? User { get; set; }

    public Dictionary<string, string?>? Device { get; set; }

    public Dictionary<string, string?>? Context { get; set; }

    public Dictionary<string, string?>? Params { get; set; }

    /// <summary>
    /// The event to store, or to send as a test with no id of its own; call only once the validator passed it.
    /// </summary>
    public WebHookEvent ToEvent(string? id) => new()
    {
        Id = id,
        Type = Type ?? throw new InvalidOperationException("The event has no type."),
        Code = Code,
        OccurredAt = OccurredAt,
        User = Copy(User),
        Device = Copy(Device),
        Context = Copy(Context),
        Params = Copy(Params),
    };

    // Names match exactly, whatever the server's culture (DESIGN §4).
    private static Dictionary<string, string?> Copy(Dictionary<string, string?>? values) =>
        values is null ? new(StringComparer.Ordinal) : new(values, StringComparer.Ordinal);
}
