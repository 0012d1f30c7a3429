using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

/// <summary>The default User-Agent and Content-Type headers, their order and rows that override them.</summary>
public sealed class RequestBuilderDefaultHeaderTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Fact]
    public void Build_BodyMethod_PutsRowsThenUserAgentThenContentType()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.AddRange([Fixed("X-B", "2"), Fixed("X-A", "1")]);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal(["X-B", "X-A", "User-Agent", "Content-Type"], request.Headers.Select(h => h.Name));
    }

    [Fact]
    public void Build_UserAgentRow_OverridesDefaultInPlace()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.AddRange([Fixed("user-agent", "Custom/2"), Fixed("X-A", "1")]);

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal(["user-agent", "X-A", "Content-Type"], request.Headers.Select(h => h.Name));
        Assert.Equal("Custom/2", request.Headers[0].Value);
    }

    [Fact]
    public void Build_OmittedUserAgentRow_KeepsDefault()
    {
        var hook = Hook();
        hook.Headers.Add(Row("User-Agent", ValueSource.Device, "agent"));

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal([new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false)], request.Headers);
    }

    [Fact]
    public void Build_ContentTypeRow_OverridesDefault()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.Add(Fixed("CONTENT-TYPE", "application/vnd.crm+json"));

        var request = _builder.BuildRequest(hook, Event());

        Assert.Equal(["CONTENT-TYPE", "User-Agent"], request.Headers.Select(h => h.Name));
        Assert.Equal("application/vnd.crm+json", request.ContentType);
    }

    [Fact]
    public void Build_ContentTypeRowWithoutBody_IsOmitted()
    {
        var hook = Hook();
        hook.Headers.Add(Fixed("Content-Type", "text/plain"));

        var request = _builder.BuildRequest(hook, Event());

        Assert.DoesNotContain(request.Headers, h => h.Name == "Content-Type");
        Assert.StartsWith("Content-Type: ", Assert.Single(request.Omitted), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DefaultConstructor_UsesAssemblyVersion()
    {
        var builder = new RequestBuilder();

        var request = builder.Build(Hook(), Event()).Request!;

        Assert.Equal(new RequestHeader("User-Agent", "WebHookPanel/1.0.0", false), request.Headers[^1]);
    }

    [Fact]
    public void Build_VersionGiven_UsesItInUserAgent()
    {
        var builder = new RequestBuilder("2.3.4");

        var request = builder.Build(Hook(), Event()).Request!;

        Assert.Equal("WebHookPanel/2.3.4", request.Headers[^1].Value);
    }
}
