using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Api;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Api;

public sealed class ReviewApiTests(ReviewApiFixture fixture) : IClassFixture<ReviewApiFixture>
{
    private const string Secret = "in-force-secret-value";
    private const string NewSecret = "proposed-secret-value";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_MarketerChangeOfLiveHook_ShowsVersionInForceAndPendingReview()
    {
        using var client = fixture.Panel.CreateApiClient();
        var id = await CreateLiveAsync(client, "Live with change");
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}", Cancellation);

        await fixture.Commands.ReviseAsync(id, Hook("Live with change", NewSecret), TestActors.Marketer, Cancellation);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}", Cancellation);

        Assert.Equal(1, before.GetProperty("activeVersion").GetInt32());
        Assert.Equal("Approved", before.GetProperty("review").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("review").GetProperty("pendingVersion").ValueKind);
        Assert.Equal("Active", after.GetProperty("status").GetString());
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal(1, after.GetProperty("activeVersion").GetInt32());
        var review = after.GetProperty("review");
        Assert.Equal("Pending", review.GetProperty("state").GetString());
        Assert.Equal(2, review.GetProperty("pendingVersion").GetInt32());
        Assert.Equal(PanelTestContext.MarketerName, review.GetProperty("submittedBy").GetString());
        Assert.Equal(1, review.GetProperty("lastDecision").GetProperty("version").GetInt32());
        Assert.Equal("Approved", review.GetProperty("lastDecision").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Get_MarketerCreate_IsPendingReviewWithNothingInForce()
    {
        using var client = fixture.Panel.CreateApiClient();

        var saved = await CreateAsMarketerAsync("Marketer draft");
        var hook = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{saved.Id}", Cancellation);

        Assert.Equal("PendingReview", hook.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, hook.GetProperty("activeVersion").ValueKind);
        Assert.Equal(1, hook.GetProperty("review").GetProperty("pendingVersion").GetInt32());
    }

    [Fact]
    public async Task Approve_StaleVersion_Answers409NamingTheVersionAndApprovesNothing()
    {
        using var client = fixture.Panel.CreateApiClient();
        var saved = await CreateAsMarketerAsync("Stale review");
        var id = saved.Id!.Value;
        await fixture.Commands.ReviseAsync(id, Hook("Stale review", NewSecret), TestActors.Marketer, Cancellation);

        using var stale = await DecideAsync(client, id, "approve", new { version = 1 });
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var hook = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}", Cancellation);
        using var current = await DecideAsync(client, id, "approve", new { version = 2 });
        using var again = await DecideAsync(client, id, "approve", new { version = 2 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("version").EnumerateArray());
        Assert.Contains("version 2 does", message.GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, hook.GetProperty("activeVersion").ValueKind);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Approve_PendingVersion_PutsItInForceAndAnswersTheHook()
    {
        using var client = fixture.Panel.CreateApiClient();
        var saved = await CreateAsMarketerAsync("To approve");

        using var response = await DecideAsync(client, saved.Id!.Value, "approve", new { version = 1 });
        var hook = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Active", hook.GetProperty("status").GetString());
        Assert.Equal(1, hook.GetProperty("activeVersion").GetInt32());
        Assert.Equal("Approved", hook.GetProperty("review").GetProperty("state").GetString());
        var header = hook.GetProperty("headers")[0];
        Assert.Equal(SecretMask.Value, header.GetProperty("value").GetString());
        Assert.True(header.GetProperty("secret").GetBoolean());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Reject_WithoutComment_Answers400NamingTheCommentAndKeepsItPending(string? comment)
    {
        using var client = fixture.Panel.CreateApiClient();
        var name = $"Reject blank {comment?.Length}";
        var saved = await CreateAsMarketerAsync(name);

        using var response = await DecideAsync(client, saved.Id!.Value, "reject", new { version = 1, comment });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var hook = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{saved.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal("Pending", hook.GetProperty("review").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Decide_WithoutVersion_Answers400NamingTheVersion()
    {
        using var client = fixture.Panel.CreateApiClient();
        var saved = await CreateAsMarketerAsync("No version");

        using var response = await DecideAsync(client, saved.Id!.Value, "approve", new { comment = "fine" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task Decide_KeyWithoutWebhooksAdmin_Answers403AndDecidesNothing(string decision)
    {
        using var admin = fixture.Panel.CreateApiClient();
        using var events = fixture.Panel.CreateClient();
        events.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, fixture.EventsOnlyKey);
        var name = $"Forbidden {decision}";
        var saved = await CreateAsMarketerAsync(name);

        using var response = await DecideAsync(events, saved.Id!.Value, decision, new { version = 1, comment = "x" });
        var hook = await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{saved.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("PendingReview", hook.GetProperty("status").GetString());
        Assert.Equal("Pending", hook.GetProperty("review").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Commands_MarketerApprovesOrRejects_AreRefusedWhoeverCalls()
    {
        var saved = await CreateAsMarketerAsync("Self approval");
        var id = saved.Id!.Value;
        var reviews = fixture.Panel.Services.GetRequiredService<ReviewStore>();

        var approved = await fixture.Commands.ApproveAsync(id, 1, null, TestActors.Marketer, Cancellation);
        var rejected = await fixture.Commands.RejectAsync(id, 1, "no", TestActors.Marketer, Cancellation);
        var direct = await reviews.ApproveAsync(id, 1, null, TestActors.Marketer, Cancellation);
        var keyed = await fixture.Commands.ApproveAsync(id, 1, null, TestActors.EventsKey, Cancellation);
        var material = await reviews.FindAsync(id, Cancellation);

        Assert.All([approved, rejected, direct, keyed], r => Assert.Equal(ReviewResultKind.Forbidden, r.Kind));
        Assert.Equal(ReviewState.Pending, material!.Review.State);
        Assert.Null(material.Hook.ActiveVersion);
    }

    [Fact]
    public async Task Review_SecretChanged_ListsTheChangeWithoutEitherValue()
    {
        using var client = fixture.Panel.CreateApiClient();
        var id = await CreateLiveAsync(client, "Secret change");
        var change = Hook("Secret change", NewSecret);
        change.Uri = "https://crm.example.com/v2/users/{userId}";
        await fixture.Commands.ReviseAsync(id, change, TestActors.Marketer, Cancellation);

        using var response = await client.GetAsync($"/api/webhooks/{id}/review", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        var review = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, review.GetProperty("review").GetProperty("pendingVersion").GetInt32());
        Assert.Equal(1, review.GetProperty("activeVersion").GetInt32());
        var fields = review.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("kind").GetString()))
            .ToList();
        Assert.Equal([("URI", "Changed"), ("Header X-Api-Key", "Changed")], fields);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(NewSecret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_StatusRejected_Answers400NamingTheStatus()
    {
        using var client = fixture.Panel.CreateApiClient();
        var hook = Hook("Born rejected", Secret);
        hook.Status = WebHookStatus.Rejected;

        using var response = await client.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Create_AdminAsksForReview_WaitsAndCannotBeResumed()
    {
        using var client = fixture.Panel.CreateApiClient();
        var hook = Hook("Admin asks review", Secret);
        hook.Status = WebHookStatus.PendingReview;

        using var created = await client.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Cancellation);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        using var resumed = await client.PostAsync($"{created.Headers.Location}/resume", null, Cancellation);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("PendingReview", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("activeVersion").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, resumed.StatusCode);
    }

    [Fact]
    public async Task List_ReviewFilter_ReturnsOnlyHooksWaitingForReview()
    {
        using var client = fixture.Panel.CreateApiClient();
        await CreateLiveAsync(client, "Filter live zq");
        await CreateAsMarketerAsync("Filter waiting zq");

        var page = await client.GetFromJsonAsync<JsonElement>(
            "/api/webhooks?search=zq&review=Pending",
            Cancellation);

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Filter waiting zq", item.GetProperty("name").GetString());
        Assert.Equal("Pending", item.GetProperty("review").GetString());
    }

    [Fact]
    public async Task Replace_BodyAsRead_IsAcceptedWithItsReviewFieldsIgnored()
    {
        using var client = fixture.Panel.CreateApiClient();
        var id = await CreateLiveAsync(client, "Round trip");
        var read = await client.GetStringAsync($"/api/webhooks/{id}", Cancellation);
        using var content = new StringContent(
            read.Replace("\"POST\"", "\"PUT\"", StringComparison.Ordinal),
            System.Text.Encoding.UTF8,
            "application/json");

        using var replaced = await client.PutAsync($"/api/webhooks/{id}", content, Cancellation);
        var hook = await replaced.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("PUT", hook.GetProperty("method").GetString());
        Assert.Equal(2, hook.GetProperty("activeVersion").GetInt32());
    }

    [Fact]
    public async Task Replace_ByAdminOnTopOfAMarketersPendingChange_WaitsForReviewToo()
    {
        using var client = fixture.Panel.CreateApiClient();
        var id = await CreateLiveAsync(client, "Admin over pending");
        await fixture.Commands.ReviseAsync(
            id,
            Hook("Admin over pending", NewSecret),
            TestActors.Marketer,
            Cancellation);
        var read = await client.GetStringAsync($"/api/webhooks/{id}", Cancellation);
        using var content = new StringContent(
            read.Replace("\"POST\"", "\"PATCH\"", StringComparison.Ordinal),
            System.Text.Encoding.UTF8,
            "application/json");

        using var replaced = await client.PutAsync($"/api/webhooks/{id}", content, Cancellation);
        var hook = await replaced.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        using var approved = await DecideAsync(client, id, "approve", new { version = 3 });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(1, hook.GetProperty("activeVersion").GetInt32());
        Assert.Equal(3, hook.GetProperty("review").GetProperty("pendingVersion").GetInt32());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheReviewCallsAndShapes()
    {
        using var client = fixture.Panel.CreateApiClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancellation);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/webhooks/{id}/approve", out _));
        Assert.True(paths.TryGetProperty("/api/webhooks/{id}/reject", out _));
        Assert.True(paths.TryGetProperty("/api/webhooks/{id}/review", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty(nameof(ReviewRequest), out _));
        var resource = schemas.GetProperty(nameof(WebHookResource)).GetProperty("properties");
        Assert.True(resource.TryGetProperty("activeVersion", out _));
        Assert.True(resource.TryGetProperty("review", out _));
    }

    private static async Task<int> CreateLiveAsync(HttpClient client, string name)
    {
        using var created = await client.PostAsJsonAsync("/api/webhooks", Hook(name, Secret), PanelJson.Options,
            Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Cancellation);

        return body!.Id!.Value;
    }

    private Task<SaveResult> CreateAsMarketerAsync(string name) =>
        fixture.Commands.CreateAsync(Hook(name, Secret), TestActors.Marketer, Cancellation);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string decision, object body) =>
        client.PostAsJsonAsync($"/api/webhooks/{id}/{decision}", body, PanelJson.Options, Cancellation);

    private static WebHookResource Hook(string name, string secret) => new()
    {
        Name = name,
        Uri = "https://crm.example.com/users/{userId}",
        UriParameters = [new UriParameter { Name = "userId", Label = "CRM user id" }],
        Headers = [TestData.Fixed("X-Api-Key", secret, secret: true)],
    };
}
