using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Api;

/// <summary>Line breaks and NUL characters in header keys and values, sent through the admin API.</summary>
public sealed class HeaderInjectionApiTests(PanelFactory panel) : IClassFixture<PanelFactory>
{
    public static TheoryData<string, string, bool, string> Injections => new()
    {
        { "X-A\r\nX-Injected: 1", "v", false, "headers[0].key" },
        { "X-A\n", "v", false, "headers[0].key" },
        { "X\0A", "v", false, "headers[0].key" },
        { "X-A", "v\r\nX-Injected: 1", false, "headers[0].value" },
        { "X-A", "v\r", false, "headers[0].value" },
        { "X-A", "v\0", false, "headers[0].value" },
        { "X-Api-Key", "s3cr3t\r\nX-Injected: 1", true, "headers[0].value" },
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Create_InjectedHeader_IsRefusedAtTheFieldAndStoresNothing(
        string key,
        string value,
        bool secret,
        string field)
    {
        using var client = panel.CreateApiClient();
        var name = $"Injection {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/api/webhooks", Hook(name, key, value, secret), Token);

        await AssertRefusedAsync(response, field);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks?search={name}", Token);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Replace_InjectedHeader_IsRefusedAtTheFieldAndKeepsTheVersion(
        string key,
        string value,
        bool secret,
        string field)
    {
        using var client = panel.CreateApiClient();
        var name = $"Injection {Guid.NewGuid():N}";
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook(name, "X-A", "ok", false), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;

        using var response = await client.PutAsJsonAsync(location, Hook(name, key, value, secret), Token);

        await AssertRefusedAsync(response, field);
        var stored = await client.GetFromJsonAsync<JsonElement>(location, Token);
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        Assert.Equal("ok", stored.GetProperty("headers")[0].GetProperty("value").GetString());
    }

    private static Dictionary<string, object?> Hook(string name, string key, string value, bool secret) => new()
    {
        ["name"] = name,
        ["uri"] = "https://crm.example.com/hook",
        ["method"] = nameof(WebHookMethod.POST),
        ["trigger"] = new { type = "PushClick" },
        ["headers"] = new[] { new { key, source = "Fixed", value, secret } },
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
