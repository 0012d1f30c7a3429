using System.Text.Json;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

internal static class DispatchTestData
{
    public static WebHookResource Hook(
        string uri,
        WebHookMethod method = WebHookMethod.POST,
        TriggerType trigger = TriggerType.PushClick,
        string? filter = null) => new()
    {
        Name = $"Hook {Guid.NewGuid():N}",
        Uri = uri,
        Method = method,
        Trigger = new Trigger { Type = trigger, Filter = filter },
        Parameters =
        [
            new FieldRow { Key = "event", Source = ValueSource.Context, Value = "eventId" },
        ],
    };

    /// <summary>An event whose context carries its own id, so that the receiver can tell events apart.</summary>
    public static Dictionary<string, object?> Event(
        string? id = null,
        string type = "PushClick",
        string? code = null,
        Dictionary<string, string>? parameters = null) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["code"] = code,
        ["occurredAt"] = "2026-12-03T10:15:00Z",
        ["user"] = new Dictionary<string, string> { ["externalId"] = "42", ["email"] = "user42@example.com" },
        ["device"] = new Dictionary<string, string> { ["platform"] = "iOS" },
        ["context"] = new Dictionary<string, string> { ["eventId"] = id ?? "none", ["buttonId"] = "buy" },
        ["params"] = parameters ?? new Dictionary<string, string> { ["userId"] = "42" },
    };

    /// <summary>The event id that <see cref="Hook"/> puts in the body as <c>event</c>.</summary>
    public static string EventIdOf(ReceivedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);

        return body.RootElement.GetProperty("event").GetString()!;
    }
}
