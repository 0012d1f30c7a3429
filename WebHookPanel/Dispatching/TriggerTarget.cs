using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>What ingestion needs of a hook to match events against it.</summary>
public sealed record TriggerTarget(int WebHookId, TriggerType Type, string? Filter, WebHookStatus Status, int Version);
