using WebHookPanel.Requests;
using WebHookPanel.WebHooks;
using static WebHookPanel.Tests.Support.TestData;

namespace WebHookPanel.Tests.Requests;

public sealed class CurlFormatterTests
{
    private readonly RequestBuilder _builder = new("1.0.0");

    [Fact]
    public void Format_DesignPreviewExample_MatchesExactly()
    {
        var hook = DesignExampleHook();
        var evt = Event(
            user: new() { ["email"] = "user42@example.com" },
            parameters: new() { ["userId"] = "42", ["campaign"] = "winter sale" });

        var curl = CurlFormatter.Format(_builder.Build(hook, evt).Request!, revealSecrets: false);

        Assert.Equal(
            "curl -X GET 'https://crm.example.com/users/42/clicks?c=winter%20sale' \\\n"
            + "  -H 'X-Email: user42@example.com' \\\n"
            + "  -H 'User-Agent: WebHookPanel/1.0.0'",
            curl);
    }

    [Fact]
    public void FormatTemplate_DesignPreviewExample_MatchesExactly()
    {
        var hook = DesignExampleHook();
        hook.Headers.RemoveAt(1);
        var formatter = new CurlFormatter(_builder);

        var curl = formatter.FormatTemplate(hook, revealSecrets: false);

        Assert.Equal(
            "curl -X GET '${hook.url}' \\\n"
            + "  -H 'X-Email: ${profile.email}' \\\n"
            + "  -H 'User-Agent: WebHookPanel/1.0.0'",
            curl);
    }

    [Fact]
    public void Format_Body_IsLastArgumentAsDataRaw()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Parameters.Add(Fixed("city", "İzmir"));

        var curl = CurlFormatter.Format(_builder.Build(hook, Event()).Request!, revealSecrets: false);

        Assert.Equal(
            "curl -X POST 'https://x.example.com/hook' \\\n"
            + "  -H 'User-Agent: WebHookPanel/1.0.0' \\\n"
            + "  -H 'Content-Type: application/json; charset=utf-8' \\\n"
            + "  --data-raw '{\"city\":\"İzmir\"}'",
            curl);
    }

    [Fact]
    public void Format_EmptyFormBody_IsStillSent()
    {
        var hook = Hook(method: WebHookMethod.POST, encoding: BodyEncoding.Form);

        var curl = CurlFormatter.Format(_builder.Build(hook, Event()).Request!, revealSecrets: false);

        Assert.EndsWith(" \\\n  --data-raw ''", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SingleQuotes_AreEscapedForBash()
    {
        var hook = Hook(method: WebHookMethod.POST);
        hook.Headers.Add(Fixed("X-Name", "O'Brien"));
        hook.Parameters.Add(Fixed("q", "it's"));

        var curl = CurlFormatter.Format(_builder.Build(hook, Event()).Request!, revealSecrets: false);

        Assert.Contains("  -H 'X-Name: O'\\''Brien' \\\n", curl, StringComparison.Ordinal);
        Assert.EndsWith("  --data-raw '{\"q\":\"it'\\''s\"}'", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SecretHeaders_AreMaskedUnlessRevealed()
    {
        var hook = Hook();
        hook.Headers.AddRange([Fixed("X-Api-Key", "s3cr3t"), Fixed("X-Sig", "abc", secret: true)]);
        var request = _builder.Build(hook, Event()).Request!;

        var masked = CurlFormatter.Format(request, revealSecrets: false);
        var revealed = CurlFormatter.Format(request, revealSecrets: true);

        Assert.Contains("-H 'X-Api-Key: ••••••'", masked, StringComparison.Ordinal);
        Assert.Contains("-H 'X-Sig: ••••••'", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", masked, StringComparison.Ordinal);
        Assert.Contains("-H 'X-Api-Key: s3cr3t'", revealed, StringComparison.Ordinal);
        Assert.Contains("-H 'X-Sig: abc'", revealed, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_EmptyHeaderValue_UsesSemicolonForm()
    {
        var hook = Hook();
        hook.Headers.Add(Row("X-Empty", ValueSource.Profile, "nickname"));

        var curl = CurlFormatter.Format(
            _builder.Build(hook, Event(user: new() { ["nickname"] = "" })).Request!,
            revealSecrets: false);

        Assert.Contains("  -H 'X-Empty;' \\\n", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Ipv6Host_TurnsGlobbingOff()
    {
        var curl = CurlFormatter.Format(
            _builder.Build(Hook("http://[::1]:8080/x"), Event()).Request!,
            revealSecrets: false);

        Assert.StartsWith("curl -X GET 'http://[::1]:8080/x' \\\n  --globoff \\\n", curl, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatTemplate_RowsFromEverySource_ShowPlaceholdersAndFixedValues()
    {
        var hook = Hook("https://crm.example.com/users/{userId}", WebHookMethod.POST);
        hook.Headers.AddRange([Fixed("X-Api-Key", "s3cr3t"), Row("X-Platform", ValueSource.Device, "platform")]);
        hook.Parameters.AddRange([Row("push", ValueSource.Context, "pushId"), Fixed("origin", "panel")]);
        var formatter = new CurlFormatter(_builder);

        var curl = formatter.FormatTemplate(hook, revealSecrets: false);

        Assert.Equal(
            "curl -X POST '${hook.url}' \\\n"
            + "  -H 'X-Api-Key: ••••••' \\\n"
            + "  -H 'X-Platform: ${device.platform}' \\\n"
            + "  -H 'User-Agent: WebHookPanel/1.0.0' \\\n"
            + "  -H 'Content-Type: application/json; charset=utf-8' \\\n"
            + "  --data-raw '{\"push\":\"${context.pushId}\",\"origin\":\"panel\"}'",
            curl);
    }

    private static WebHookDefinition DesignExampleHook()
    {
        var hook = Hook("https://crm.example.com/users/{userId}/clicks?c={campaign}");
        hook.UriParameters.AddRange([Parameter("userId"), Parameter("campaign", "none")]);
        hook.Headers.AddRange(
        [
            Row("X-Email", ValueSource.Profile, "email"),
            Row("X-Phone", ValueSource.Profile, "phone"),
        ]);

        return hook;
    }
}
