using System.Text.Json;
using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Dispatching;

/// <summary>An event as the events API accepted it; deliveries are built from its payload.</summary>
public sealed class StoredEvent
{
    private StoredEvent()
    {
    }

    public long Id { get; private set; }

    /// <summary>The id the client gave, or one made up on receipt; unique, which makes ingestion idempotent.</summary>
    public string ClientId { get; private set; } = "";

    public TriggerType Type { get; private set; }

    public string? Code { get; private set; }

    /// <summary>The whole event as JSON, in the API's shape.</summary>
    public string PayloadJson { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public static StoredEvent Create(string clientId, WebHookEvent evt, DateTimeOffset receivedAt) => new()
    {
        ClientId = clientId,
        Type = evt.Type,
        Code = evt.Code,
        PayloadJson = Serialize(evt),
        ReceivedAt = receivedAt,
    };

    public static string Serialize(WebHookEvent evt) => JsonSerializer.Serialize(evt, PanelJson.Options);

    public static WebHookEvent ReadPayload(string payloadJson) =>
        JsonSerializer.Deserialize<WebHookEvent>(payloadJson, PanelJson.Stored) ?? new WebHookEvent();
}
