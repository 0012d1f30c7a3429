using System.Net;
using System.Text.Json;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task GetDocument_Anonymous_ReturnsJson()
    {
        await using var panel = new PanelFactory();
        using var client = panel.CreateApiClient();

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.TryGetProperty("openapi", out _));
    }

    [Fact]
    public async Task GetDocument_Enums_AreDescribedByTheirNames()
    {
        await using var panel = new PanelFactory();
        using var client = panel.CreateApiClient();

        var body = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(body);
        var trigger = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("TriggerType");
        Assert.Equal("string", trigger.GetProperty("type").GetString());
        Assert.Equal(
            ["PushClick", "MessageLog", "Geofence", "Event"],
            trigger.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
