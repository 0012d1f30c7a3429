namespace WebHookPanel.WebHooks;

/// <summary>What fires a hook: a trigger type and, for <see cref="TriggerType.Event"/>, the event code.</summary>
public sealed class Trigger
{
    public TriggerType Type { get; set; } = TriggerType.PushClick;

    public string? Filter { get; set; }

    public Trigger Clone() => new() { Type = Type, Filter = Filter };
}
