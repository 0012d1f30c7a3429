using WebHookPanel.WebHooks;

namespace WebHookPanel.Events;

/// <summary>Something that happened to a user, as the events API and the simulator receive it.</summary>
public sealed class WebHookEvent
{
    public string? Id { get; set; }

    public TriggerType Type { get; set; }

    public string? Code { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }

    public Dictionary<string, string?> User { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Device { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Context { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Params { get; set; } = new(StringComparer.Ordinal);
}
