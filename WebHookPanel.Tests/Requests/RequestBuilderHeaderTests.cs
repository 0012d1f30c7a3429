using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>Header rows: values resolved from the event, omitted values and secret marking.</summary>
public sealed class RequestBuilderHeaderTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Fact]
    public void Build_HeaderRowsFromEverySource_ResolveFromTheEvent()
    {
        var hook = Hook();
        hook.Headers.AddRange(
        [
            Fixed("X-Team", "growth"),
            Row("X-Email", ValueSource.Profile, "email"),
            Row("X-Platform", ValueSource.Device, "platform"),
            Row("X-Push", ValueSource.Context, "pushId"),
        ]);
        var evt = Event(
            user: new() { ["email"] = "user42@example.com" },
            device: new() { ["platform"] = "iOS" },
            context: new() { ["pushId"] = "p-77" });

        var request = _builder.BuildRequest(hook, evt);

        Assert.Equal(
            [
                new RequestHeader("X-Team", "growth", false),
                new RequestHeader("X-Email", "user42@example.com", false),
                new RequestHeader("X-Platform", "iOS", false),
                new RequestHeader("X-Push", "p-77", false),
                new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false),
            ],
            request.Headers);
        Assert.Empty(request.Omitted);
    }

    [Fact]
    public void Build_AttributeNameDiffersInCase_IsMissing()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Email", ValueSource.Profile, "Email"));

        var request = _builder.BuildRequest(hook, Event(user: new() { ["email"] = "a@example.com" }));

        Assert.DoesNotContain(request.Headers, h => h.Name == "X-Email");
    }

    [Theory]
    [InlineData(ValueSource.Profile, "X-Phone: profile attribute 'phone' is missing")]
    [InlineData(ValueSource.Device, "X-Phone: device attribute 'phone' is missing")]
    [InlineData(ValueSource.Context, "X-Phone: context key 'phone' is missing")]
    public void Build_MissingHeaderValue_IsOmittedAndNamed(ValueSource source, string expected)
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Phone", source, "phone"));

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal([expected], request.Omitted);
        Assert.DoesNotContain(request.Headers, h => h.Name == "X-Phone");
    }

    [Fact]
    public void Build_NullAttribute_IsOmitted()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Phone", ValueSource.Profile, "phone"));

        var request = _builder.BuildRequest(hook, Event(user: new() { ["phone"] = null }));

        Assert.Equal(["X-Phone: profile attribute 'phone' is missing"], request.Omitted);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\nX-Injected: 1")]
    [InlineData("a\0b")]
    public void Build_HeaderValueWithLineBreakOrNul_IsOmitted(string value)
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Note", ValueSource.Profile, "note"));

        var request = _builder.BuildRequest(hook, Event(user: new() { ["note"] = value }));

        var omitted = Assert.Single(request.Omitted);
        Assert.StartsWith("X-Note: ", omitted, StringComparison.Ordinal);
        Assert.DoesNotContain(request.Headers, h => h.Name == "X-Note");
    }

    [Fact]
    public void Build_NonAsciiHeaderValue_IsKept()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Name", ValueSource.Profile, "name"));

        var request = _builder.BuildRequest(hook, Event(user: new() { ["name"] = "Şule" }));

        Assert.Contains(new RequestHeader("X-Name", "Şule", false), request.Headers);
    }

    [Fact]
    public void Build_SecretHeaders_AreMarked()
    {
        var hook = Hook();
        hook.Headers.AddRange(
        [
            Fixed("X-Api-Key", "k"),
            Fixed("Authorization", "Bearer t"),
            Fixed("X-Signature", "s", secret: true),
            Fixed("X-Team", "growth"),
        ]);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal([true, true, true, false, false], request.Headers.Select(h => h.IsSecret));
    }
}
