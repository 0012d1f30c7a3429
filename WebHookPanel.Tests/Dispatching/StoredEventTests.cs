using System.Text.Json;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Dispatching;

public sealed class StoredEventTests
{
    private const string RepeatedType = """{"type":"PushClick","user":{"email":"a@example.com"},"type":"Geofence"}""";

    [Fact]
    public void ReadPayload_StoredRowWithARepeatedProperty_ReadsItAsBefore()
    {
        var evt = StoredEvent.ReadPayload(RepeatedType);

        Assert.Equal(TriggerType.Geofence, evt.Type);
        Assert.Equal("a@example.com", evt.User!["email"]);
    }

    [Fact]
    public void ApiOptions_SameJsonFromOutside_IsRefused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WebHookEvent>(RepeatedType, PanelJson.Options));
    }
}
