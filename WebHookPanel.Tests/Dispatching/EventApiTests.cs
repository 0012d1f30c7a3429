using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WebHookPanel.Api;

namespace WebHookPanel.Tests.Dispatching;

public sealed class EventApiTests : IAsyncLifetime
{
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostEvents_WithoutKey_Returns401()
    {
        using var client = _host.Factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/events", DispatchTestData.Event("e1"), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostEvents_BadFieldsInBatch_Returns400NamingEachField()
    {
        var missingTime = DispatchTestData.Event("e1");
        missingTime["occurredAt"] = null;
        var eventWithoutCode = DispatchTestData.Event("e3", type: "Event");
        object[] batch = [DispatchTestData.Event("e0"), missingTime, DispatchTestData.Event("e2"), eventWithoutCode];

        using var response = await _host.PostEventsAsync(batch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(["[1].occurredAt", "[3].code"], problem!.Errors.Keys.Order().ToArray());
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("MessageLog,Geofence")]
    [InlineData("PushClick, Geofence")]
    [InlineData("3")]
    public async Task PostEvents_UnknownType_Returns400NamingTheField(string type)
    {
        object[] batch = [DispatchTestData.Event("e0"), DispatchTestData.Event("e1", type: type)];

        using var response = await _host.PostEventsAsync(batch);

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["[1].type"], problem!.Errors.Keys.ToArray());
    }

    [Fact]
    public async Task PostEvents_SingleEventMissingTime_Returns400NamingOccurredAt()
    {
        var evt = DispatchTestData.Event("e1");
        evt.Remove("occurredAt");

        using var response = await _host.PostEventsAsync(evt);

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["occurredAt"], problem!.Errors.Keys.ToArray());
    }

    [Fact]
    public async Task PostEvents_MoreThanAThousand_Returns413()
    {
        var batch = Enumerable.Range(0, EventApi.MaxEvents + 1).Select(i => DispatchTestData.Event($"e{i}")).ToArray();

        using var response = await _host.PostEventsAsync(batch);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostEvents_OverOneMegabyte_Returns413()
    {
        var evt = DispatchTestData.Event("big");
        evt["context"] = new Dictionary<string, string> { ["blob"] = new string('x', EventApi.MaxBodyBytes) };
        using var content = new StringContent(
            System.Text.Json.JsonSerializer.Serialize(evt),
            Encoding.UTF8,
            "application/json");

        using var response = await _host.Api.PostAsync("/api/events", content, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostEvents_WithAndWithoutIds_Returns202WithIdsInOrder()
    {
        object[] batch = [DispatchTestData.Event("given-1"), DispatchTestData.Event()];

        using var response = await _host.PostEventsAsync(batch);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<EventsAccepted>(Token);
        Assert.Equal("given-1", accepted!.Ids[0]);
        Assert.StartsWith("evt_", accepted.Ids[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"PushClick","type":"Event",~}""", "type")]
    [InlineData("""{"type":"PushClick","Type":"Event",~}""", "Type")]
    [InlineData("""[{"type":"PushClick",~},{"type":"PushClick",~,"id":"a","id":"b"}]""", "[1].id")]
    [InlineData("""{"type":"PushClick",~,"user":{"email":"a@example.com","email":"b@example.com"}}""", "user.email")]
    [InlineData("""[{"type":"PushClick",~,"device":{"os":"iOS","os":"Android"}}]""", "[0].device.os")]
    [InlineData("""{"type":"PushClick",~,"context":{"k":"1"},"params":{"userId":"1","userId":"2"}}""", "params.userId")]
    [InlineData("""{"type":"PushClick",~,"context":{"k":"1"},"context":{"k":"2"}}""", "context")]
    public async Task PostEvents_PropertyGivenTwice_Returns400NamingItsPath(string json, string field)
    {
        using var content = new StringContent(
            json.Replace("~", "\"occurredAt\":\"2026-12-03T10:15:00Z\"", StringComparison.Ordinal),
            Encoding.UTF8,
            "application/json");

        using var response = await _host.Api.PostAsync("/api/events", content, Token);

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], problem!.Errors.Keys.ToArray());
        Assert.Equal($"'{field}' is given more than once; send each property once.", problem.Errors[field].Single());
    }

    [Fact]
    public async Task PostEvents_SameKeyInOtherCase_IsTwoKeysAndAccepted()
    {
        var evt = DispatchTestData.Event("case-1");
        evt["user"] = new Dictionary<string, string> { ["email"] = "a@example.com", ["Email"] = "b@example.com" };

        using var response = await _host.PostEventsAsync(evt);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostEvents_BodyStartsWithByteOrderMark_Returns202(bool isArray)
    {
        var evt = DispatchTestData.Event("bom-1");
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes<object>(isArray ? new object[] { evt } : evt);
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. json]);
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Api.PostAsync("/api/events", content, Token);

        var accepted = await response.Content.ReadFromJsonAsync<EventsAccepted>(Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["bom-1"], accepted!.Ids);
    }

    [Fact]
    public async Task TestSend_BodyStartsWithByteOrderMark_IsReadToo()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { @event = DispatchTestData.Event("b") });
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. json]);
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Api.PostAsync($"/api/webhooks/{hookId}/test", content, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\U0001F600")]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467")]
    [InlineData("e\u0301")]
    public async Task PostEvents_IdAndCodeOf200CharactersAsSeen_Returns202(string character)
    {
        var text = string.Concat(Enumerable.Repeat(character, 200));

        using var response = await _host.PostEventsAsync(DispatchTestData.Event(text, type: "Event", code: text));

        var accepted = await response.Content.ReadFromJsonAsync<EventsAccepted>(Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([text], accepted!.Ids);
    }

    [Fact]
    public async Task PostEvents_IdAndCodeOf201CharactersAsSeen_Returns400CountingThemAsSeen()
    {
        var text = string.Concat(Enumerable.Repeat("\U0001F600", 201));

        using var response = await _host.PostEventsAsync(DispatchTestData.Event(text, type: "Event", code: text));

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The id is 201 characters long; shorten it to at most 200."], problem!.Errors["id"]);
        Assert.Equal(["The code is 201 characters long; shorten it to at most 200."], problem.Errors["code"]);
    }

    [Fact]
    public async Task PostEvents_IdOfOneCharacterWithThousandsOfCombiningMarks_Returns400NamingItsSize()
    {
        var evt = DispatchTestData.Event("a" + new string('\u0301', 4000));

        using var response = await _host.PostEventsAsync(evt);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(
            ["The id takes 4001 UTF-16 code units with its combining marks; keep it within 3200."],
            problem!.Errors["id"]);
    }

    [Fact]
    public async Task PostEvents_SameIdSameContentInAnotherOrder_Returns202AndStoresItOnce()
    {
        var evt = DispatchTestData.Event("again-1");
        var reordered = DispatchTestData.Event("again-1");
        reordered["user"] = new Dictionary<string, string> { ["email"] = "user42@example.com", ["externalId"] = "42" };

        using var first = await _host.PostEventsAsync(evt);
        using var second = await _host.PostEventsAsync(new[] { reordered, evt });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Single(await StoredPayloadsAsync("again-1"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostEvents_StoredIdWithOtherContent_Returns409NamingTheIdAndStoresNothing(bool isArray)
    {
        var other = DispatchTestData.Event("used-1", parameters: new() { ["userId"] = "43" });
        using var first = await _host.PostEventsAsync(DispatchTestData.Event("used-1"));
        var stored = await StoredPayloadsAsync("used-1");

        using var second = await _host.PostEventsAsync(
            isArray ? new[] { DispatchTestData.Event("fresh-1"), other } : other);

        var problem = await second.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        var field = isArray ? "[1].id" : "id";
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal([field], problem!.Errors.Keys.ToArray());
        Assert.StartsWith("This id was already used for a different event", problem.Errors[field].Single(),
            StringComparison.Ordinal);
        Assert.Equal(stored, await StoredPayloadsAsync("used-1"));
        Assert.Empty(await StoredPayloadsAsync("fresh-1"));
    }

    [Fact]
    public async Task PostEvents_OccurredAtInAnotherOffset_IsOtherContent()
    {
        var other = DispatchTestData.Event("offset-1");
        other["occurredAt"] = "2026-12-03T11:15:00+01:00";
        using var first = await _host.PostEventsAsync(DispatchTestData.Event("offset-1"));

        using var second = await _host.PostEventsAsync(other);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task PostEvents_BatchWithOneIdForTwoEvents_Returns400NamingTheSecond()
    {
        var other = DispatchTestData.Event("twice-1", code: "other");
        object[] batch = [DispatchTestData.Event("twice-1"), DispatchTestData.Event("e1"), other];

        using var response = await _host.PostEventsAsync(batch);

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["[2].id"], problem!.Errors.Keys.ToArray());
        Assert.Equal(
            "Event [0] of this batch has the same id with other content; give each event its own id.",
            problem.Errors["[2].id"].Single());
        Assert.Empty(await StoredPayloadsAsync("twice-1"));
    }

    [Theory]
    [InlineData("""{"event":{}}""", "event.type")]
    [InlineData("""{"event":{"type":"Event"}}""", "event.code")]
    [InlineData("""{"event":{"type":"Nope"}}""", "event.type")]
    [InlineData("""{"event":{"type":"PushClick","id":""}}""", "event.id")]
    [InlineData("""{"event":{"type":"PushClick","code":"~"}}""", "event.code")]
    public async Task TestSend_InvalidEvent_Returns400NamingTheFieldAndSendsNothing(string json, string field)
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));
        using var content = new StringContent(
            json.Replace("~", new string('x', 201), StringComparison.Ordinal),
            Encoding.UTF8,
            "application/json");

        using var response = await _host.Api.PostAsync($"/api/webhooks/{hookId}/test", content, Token);

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], problem!.Errors.Keys.ToArray());
        Assert.Empty(_host.Receiver.Requests);
    }

    [Fact]
    public async Task TestSend_EventWithoutTime_IsSentAsOfNow()
    {
        var hookId = await _host.CreateHookAsync(DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok"));
        var evt = DispatchTestData.Event("no-time");
        evt.Remove("occurredAt");

        using var response = await _host.Api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/test",
            new { @event = evt },
            Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Receiver.Requests);
    }

    private async Task<List<string>> StoredPayloadsAsync(string clientId)
    {
        await using var context = await _host.Database.CreateDbContextAsync(Token);

        return await context.Events.Where(e => e.ClientId == clientId).Select(e => e.PayloadJson).ToListAsync(Token);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
