using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Api;

public sealed class WebHookApiTests(PanelFactory panel) : IClassFixture<PanelFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ValidHook_IsReadBackWithLabelsAndRows()
    {
        using var client = panel.CreateApiClient();

        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook("Create read back"), Cancellation);
        var location = created.Headers.Location;
        var hook = await client.GetFromJsonAsync<JsonElement>(location, Cancellation);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Create read back", hook.GetProperty("name").GetString());
        Assert.Equal("Active", hook.GetProperty("status").GetString());
        Assert.Equal("CRM user id", hook.GetProperty("uriParameters")[0].GetProperty("label").GetString());
        Assert.Equal("Profile", hook.GetProperty("headers")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Create_InvalidRows_AnswersProblemKeyedByFieldPath()
    {
        using var client = panel.CreateApiClient();
        var body = Hook("Invalid rows");
        body["headers"] = new[]
        {
            new { key = "X-A", source = "Fixed", value = "1", secret = false },
            new { key = "x-a", source = "Fixed", value = "2", secret = false },
        };
        body["uriParameters"] = Array.Empty<object>();

        using var response = await client.PostAsJsonAsync("/api/webhooks", body, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("headers[1].key", out _));
        Assert.True(errors.TryGetProperty("uriParameters", out _));
    }

    [Fact]
    public async Task Create_SecretParameterRow_IsRefusedAndNothingIsStored()
    {
        using var client = panel.CreateApiClient();
        var body = Hook("Secret parameter");
        body["parameters"] = new[] { new { key = "api_key", source = "Fixed", value = "k-123", secret = true } };

        using var response = await client.PostAsJsonAsync("/api/webhooks", body, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var list = await client.GetStringAsync("/api/webhooks?search=Secret%20parameter", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = problem.GetProperty("errors").GetProperty("parameters[0].secret")[0].GetString();
        Assert.Contains("header row", message, StringComparison.Ordinal);
        Assert.DoesNotContain("k-123", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FETCH")]
    [InlineData("GET,POST")]
    [InlineData("POST, PUT")]
    public async Task Create_UnknownEnumValue_NamesTheField(string method)
    {
        using var client = panel.CreateApiClient();
        var body = Hook($"Unknown method {method}");
        body["method"] = method;

        using var response = await client.PostAsJsonAsync("/api/webhooks", body, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("method", out _));
    }

    [Fact]
    public async Task Create_NameTakenInOtherCase_AnswersNameError()
    {
        using var client = panel.CreateApiClient();
        using var first = await client.PostAsJsonAsync("/api/webhooks", Hook("Taken Name"), Cancellation);

        using var second = await client.PostAsJsonAsync("/api/webhooks", Hook("taken name"), Cancellation);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Replace_InvalidBody_KeepsStoredVersion()
    {
        using var client = panel.CreateApiClient();
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook("Replace keeps"), Cancellation);
        var broken = Hook("Replace keeps");
        broken["uri"] = "https://{host}.example.com/x";

        using var replaced = await client.PutAsJsonAsync(created.Headers.Location, broken, Cancellation);
        var hook = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
        Assert.Equal("https://crm.example.com/users/{userId}/clicks", hook.GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Replace_ValidBody_SavesNewVersion()
    {
        using var client = panel.CreateApiClient();
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook("Replace saves"), Cancellation);
        var changed = Hook("Replace saves");
        changed["method"] = "PUT";

        using var replaced = await client.PutAsJsonAsync(created.Headers.Location, changed, Cancellation);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/webhooks?search=replace%20saves", Cancellation);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("PUT", item.GetProperty("method").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Replace_OutdatedVersion_Answers409AndKeepsNewerChange()
    {
        using var client = panel.CreateApiClient();
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook("Two editors"), Cancellation);
        var first = Hook("Two editors");
        first["version"] = 1;
        first["method"] = "PUT";
        var second = Hook("Two editors");
        second["version"] = 1;
        second["method"] = "PATCH";

        using var saved = await client.PutAsJsonAsync(created.Headers.Location, first, Cancellation);
        using var outdated = await client.PutAsJsonAsync(created.Headers.Location, second, Cancellation);
        var hook = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, Cancellation);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, outdated.StatusCode);
        Assert.Equal("PUT", hook.GetProperty("method").GetString());
        Assert.Equal(2, hook.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public async Task Replace_VersionTheHookNeverHad_Answers400NamingVersionAndKeepsTheHook(int version)
    {
        using var client = panel.CreateApiClient();
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook($"Version {version}"), Cancellation);
        var changed = Hook($"Version {version}");
        changed["version"] = version;
        changed["method"] = "PUT";

        using var replaced = await client.PutAsJsonAsync(created.Headers.Location, changed, Cancellation);
        var problem = await replaced.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var hook = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
        Assert.Contains($"Version {version} does not exist", problem.GetProperty("errors").GetProperty("version")[0]
            .GetString(), StringComparison.Ordinal);
        Assert.Equal("POST", hook.GetProperty("method").GetString());
        Assert.Equal(1, hook.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Delete_ExistingHook_IsGoneFromReadAndList()
    {
        using var client = panel.CreateApiClient();
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook("Delete me"), Cancellation);

        using var deleted = await client.DeleteAsync(created.Headers.Location, Cancellation);
        using var read = await client.GetAsync(created.Headers.Location, Cancellation);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/webhooks?search=delete%20me", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_FilterAndPage_AreDoneByTheQuery()
    {
        using var client = panel.CreateApiClient();
        for (var i = 0; i < 5; i++)
        {
            var body = Hook($"Paged geofence {i}");
            body["trigger"] = new { type = "Geofence", filter = (string?)null };
            using var response = await client.PostAsJsonAsync("/api/webhooks", body, Cancellation);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var page = await client.GetFromJsonAsync<JsonElement>(
            "/api/webhooks?search=paged&trigger=Geofence&page=2&pageSize=2",
            Cancellation);

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(),
            item => Assert.Equal("Geofence", item.GetProperty("triggerType").GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task List_WithoutValidKey_Answers401(string? key)
    {
        using var client = panel.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var response = await client.GetAsync("/api/webhooks", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Preview_MalformedJson_AnswersProblem()
    {
        using var client = panel.CreateApiClient();
        using var content = new StringContent(
            "{\"webhook\": {\"name\": ",
            System.Text.Encoding.UTF8,
            "application/json");

        using var response = await client.PostAsync("/api/webhooks/preview", content, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("trigger=99", "trigger")]
    [InlineData("status=Nope", "status")]
    [InlineData("trigger=MessageLog&trigger=Geofence", "trigger")]
    [InlineData("trigger=MessageLog,Geofence", "trigger")]
    [InlineData("review=Pending&review=Rejected", "review")]
    public async Task List_BadQueryValue_AnswersProblemNamingIt(string query, string field)
    {
        using var client = panel.CreateApiClient();

        using var response = await client.GetAsync($"/api/webhooks?{query}", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), body);
        Assert.DoesNotContain(PanelFactory.ApiKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/webhooks/abc", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/webhooks/999999", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/api/webhooks", HttpStatusCode.MethodNotAllowed)]
    public async Task UnhandledStatus_AnswersProblemDetails(string method, string path, HttpStatusCode expected)
    {
        using var client = panel.CreateApiClient();

        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("status", 99)]
    [InlineData("method", 3)]
    public async Task Create_EnumAsNumber_IsRefusedNamingTheField(string field, int value)
    {
        using var client = panel.CreateApiClient();
        var body = Hook($"Enum number {field}");
        body[field] = value;

        using var response = await client.PostAsJsonAsync("/api/webhooks", body, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Create_BodyOverOneMegabyte_Answers413()
    {
        using var client = panel.CreateApiClient();
        var body = Hook("Too large");
        body["uri"] = "https://crm.example.com/" + new string('a', 1_100_000);

        using var response = await client.PostAsJsonAsync("/api/webhooks", body, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static Dictionary<string, object?> Hook(string name) => new()
    {
        ["name"] = name,
        ["uri"] = "https://crm.example.com/users/{userId}/clicks",
        ["method"] = "POST",
        ["trigger"] = new { type = nameof(TriggerType.PushClick), filter = (string?)null },
        ["bodyEncoding"] = "Json",
        ["uriParameters"] = new[] { new { name = "userId", label = "CRM user id", @default = (string?)null } },
        ["headers"] = new[] { new { key = "X-Email", source = "Profile", value = "email", secret = false } },
        ["parameters"] = new[] { new { key = "platform", source = "Device", value = "platform" } },
        ["signing"] = new { enabled = false },
    };
}
