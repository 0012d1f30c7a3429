using Bunit;
using WebHookPanel.Components.WebHookForm;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

/// <summary>The wizard's last step lists the headers the dispatcher adds, not only those the hook defines.</summary>
public sealed class ReviewStepTests : PanelTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ResolvedCurl_ListsWebhookIdAndWhenSigningTheSignatureHeaders(bool signing)
    {
        await UseDatabaseAsync();
        var model = new WebHookDefinition
        {
            Name = "Clicks",
            Uri = "https://crm.example.com/clicks",
            Method = WebHookMethod.POST,
            Trigger = new Trigger { Type = TriggerType.PushClick },
            Signing = new SigningSettings { Enabled = signing },
        };
        model.Parameters.Add(new FieldRow { Key = "plan", Source = ValueSource.Fixed, Value = "gold" });

        var step = Render<ReviewStep>(p => p
            .Add(s => s.Model, model)
            .Add(s => s.Errors, new FormErrors()));

        var curl = step.WaitForElement("[data-testid=curl-resolved]").TextContent;
        Assert.Matches(@"-H 'webhook-id: msg_[0-9a-f]{32}'", curl);
        Assert.Equal(signing, curl.Contains($"-H '{RequestSigner.TimestampHeader}: ", StringComparison.Ordinal));
        Assert.Equal(signing, curl.Contains($"-H '{RequestSigner.SignatureHeader}: v1,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolvedCurl_AfterASampleChange_KeepsItsMessageId()
    {
        await UseDatabaseAsync();
        var model = new WebHookDefinition
        {
            Name = "Clicks",
            Uri = "https://crm.example.com/users/{userId}",
            Trigger = new Trigger { Type = TriggerType.PushClick },
        };
        model.UriParameters.Add(new UriParameter { Name = "userId", Label = "User id" });
        var step = Render<ReviewStep>(p => p
            .Add(s => s.Model, model)
            .Add(s => s.Errors, new FormErrors()));
        var before = step.WaitForElement("[data-testid=curl-resolved]").TextContent;

        step.Find(".sample-grid input").Input("u-42");

        var after = step.Find("[data-testid=curl-resolved]").TextContent;
        Assert.Contains("/users/u-42", after, StringComparison.Ordinal);
        Assert.Equal(MessageId(before), MessageId(after));
    }

    private static string MessageId(string curl) =>
        System.Text.RegularExpressions.Regex.Match(curl, "webhook-id: (msg_[0-9a-f]+)").Groups[1].Value;
}
