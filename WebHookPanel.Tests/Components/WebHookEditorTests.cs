using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class WebHookEditorTests : PanelTestContext
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ValidateParameters_RepeatedName_ListsOneLabelFieldPerParameter()
    {
        var editor = await RenderNewAsync();

        Type(editor, "uri", "https://crm.example.com/u/{id}/x/{id}?c={campaign}");
        editor.Find("[data-testid=validate-parameters]").Click();

        Assert.Single(editor.FindAll("[data-testid=uri-parameter-id]"));
        Assert.Single(editor.FindAll("[data-testid=uri-parameter-campaign]"));
    }

    [Fact]
    public async Task ValidateParameters_AfterUriEdit_KeepsLabelsOfRemainingParameters()
    {
        var editor = await RenderNewAsync();
        Type(editor, "uri", "https://crm.example.com/u/{userId}/c/{campaign}");
        editor.Find("[data-testid=validate-parameters]").Click();
        editor.Find("[data-testid=uri-parameter-userId] input").Input("CRM user id");

        Type(editor, "uri", "https://crm.example.com/u/{userId}?s={source}");
        editor.Find("[data-testid=validate-parameters]").Click();

        Assert.Equal("CRM user id", editor.Find("[data-testid=uri-parameter-userId] input").GetAttribute("value"));
        Assert.Empty(editor.FindAll("[data-testid=uri-parameter-campaign]"));
        Assert.Single(editor.FindAll("[data-testid=uri-parameter-source]"));
    }

    [Fact]
    public async Task TypeUri_BrokenBrace_ShowsPositionUnderUri()
    {
        var editor = await RenderNewAsync();

        Type(editor, "uri", "https://x.example.com/u/{userId");

        Assert.Contains("position 25", editor.Find("[data-testid=uri]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeUri_LoopbackLiteral_WarnsWithoutBlocking()
    {
        var editor = await RenderNewAsync();

        Type(editor, "uri", "http://2130706433:8080/u/{userId}");

        var warning = editor.Find("[data-testid=uri-address-warning]").TextContent;
        Assert.Contains("127.0.0.1 is a loopback address", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("loopback", editor.Find("[data-testid=uri]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeUri_PublicHost_ShowsNoAddressWarning()
    {
        var editor = await RenderNewAsync();

        Type(editor, "uri", "https://crm.example.com/u/{userId}");

        Assert.Empty(editor.FindAll("[data-testid=uri-address-warning]"));
    }

    [Fact]
    public async Task AddHeaderRow_InvalidKey_ShowsMessageUnderThatRow()
    {
        var editor = await RenderOnRowsStepAsync();

        editor.Find("[data-testid=add-header]").Click();
        editor.Find("[data-testid=add-header]").Click();
        editor.Find("[data-testid=header-1-key] input").Input("X Bad");

        Assert.Contains("may only contain", editor.Find("[data-testid=header-1-key]").TextContent,
            StringComparison.Ordinal);
        Assert.DoesNotContain("may only contain", editor.Find("[data-testid=header-0-key]").TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveRow_AfterDuplicateKey_LeavesNoStaleMessage()
    {
        var editor = await RenderOnRowsStepAsync();
        editor.Find("[data-testid=add-header]").Click();
        editor.Find("[data-testid=header-0-key] input").Input("X-Team");
        editor.Find("[data-testid=add-header]").Click();
        editor.Find("[data-testid=header-1-key] input").Input("x-team");
        Assert.Contains("already set in row 1", editor.Find("[data-testid=header-1-key]").TextContent,
            StringComparison.Ordinal);

        editor.Find("[data-testid=header-0-remove]").Click();

        Assert.Single(editor.FindAll("[data-testid^=header-row-]"));
        Assert.DoesNotContain("already set", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeHeaderValue_TemplateCurl_FollowsEveryKeystroke()
    {
        var editor = await RenderOnRowsStepAsync();
        editor.Find("[data-testid=add-header]").Click();
        editor.Find("[data-testid=header-0-key] input").Input("X-Team");

        editor.Find("[data-testid=header-0-value] input").Input("gr");
        Assert.Contains("-H 'X-Team: gr'", Curl(editor), StringComparison.Ordinal);
        editor.Find("[data-testid=header-0-value] input").Input("growth");

        Assert.Contains("-H 'X-Team: growth'", Curl(editor), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeName_TemplateCurl_ShowsHookUrlPlaceholder()
    {
        var editor = await RenderNewAsync();

        Type(editor, "uri", "https://x.example.com/{id}");

        Assert.StartsWith("curl -X POST '${hook.url}'", Curl(editor), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventTrigger_WithoutCode_BlocksNextWithCodeMessage()
    {
        var editor = await RenderNewAsync();
        FillEndpoint(editor);
        editor.Find("[data-testid=next]").Click();

        await SetTriggerAsync(editor, TriggerType.Event);
        editor.Find("[data-testid=next]").Click();

        Assert.Contains("Event code is required", editor.Find("[data-testid=trigger-filter]").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("[data-testid=add-header]"));
    }

    [Fact]
    public async Task Save_ValidHook_StoresItWithLabelsAndRows()
    {
        var database = await UseDatabaseAsync();
        var editor = RenderWithPopovers<WebHookEditor>();
        FillEndpoint(editor);
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=add-header]").Click();
        editor.Find("[data-testid=header-0-key] input").Input("X-Team");
        editor.Find("[data-testid=header-0-value] input").Input("growth");
        editor.Find("[data-testid=next]").Click();

        editor.Find("[data-testid=save]").Click();

        var page = await database.Store.ListAsync(new WebHookQuery(), Cancellation);
        var saved = await database.Store.FindAsync(Assert.Single(page.Items).Id, Cancellation);
        Assert.Equal("Push click to CRM", saved!.Name);
        Assert.Equal("CRM user id", Assert.Single(saved.UriParameters).Label);
        Assert.Equal("growth", Assert.Single(saved.Headers).Value);
    }

    [Fact]
    public async Task Save_TakenName_ShowsNameMessageAndStoresNothing()
    {
        var database = await UseDatabaseAsync();
        await database.Store.CreateAsync(
            new WebHookDefinition { Name = "push click to crm", Uri = "https://x.example.com/" },
            TestActors.Admin,
            WebHookStatus.Active,
            Cancellation);
        var editor = RenderWithPopovers<WebHookEditor>();
        FillEndpoint(editor);
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();

        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() => Assert.Contains("already used", editor.Markup, StringComparison.Ordinal));
        var page = await database.Store.ListAsync(new WebHookQuery(), Cancellation);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_RefusesAndKeepsTheirVersion()
    {
        var database = await UseDatabaseAsync();
        var definition = new WebHookDefinition { Name = "Shared hook", Uri = "https://x.example.com/" };
        var id = await database.Store.CreateAsync(definition, TestActors.Admin, WebHookStatus.Active, Cancellation);
        var editor = RenderWithPopovers<WebHookEditor>(p => p.Add(e => e.Id, id));
        editor.WaitForElement("[data-testid=name] input");
        var theirs = definition.Clone();
        theirs.Method = WebHookMethod.PUT;
        await database.Store.ReviseAsync(id, theirs, TestActors.Admin, null, 1, Cancellation);
        Type(editor, "name", "Shared hook renamed");
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();

        editor.Find("[data-testid=save]").Click();

        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        editor.WaitForAssertion(() => Assert.Contains(
            snackbar.ShownSnackbars,
            s => s.Message != null && s.Message.Contains("newer version", StringComparison.Ordinal)));
        var stored = await database.Store.FindAsync(id, Cancellation);
        Assert.Equal("Shared hook", stored!.Name);
        Assert.Equal(WebHookMethod.PUT, stored.Method);
    }

    private async Task<IRenderedComponent<WebHookEditor>> RenderNewAsync()
    {
        await UseDatabaseAsync();

        return RenderWithPopovers<WebHookEditor>();
    }

    private async Task<IRenderedComponent<WebHookEditor>> RenderOnRowsStepAsync()
    {
        var editor = await RenderNewAsync();
        FillEndpoint(editor);
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.WaitForElement("[data-testid=add-header]");

        return editor;
    }

    private static void FillEndpoint(IRenderedComponent<WebHookEditor> editor)
    {
        Type(editor, "name", "Push click to CRM");
        Type(editor, "uri", "https://crm.example.com/users/{userId}/clicks");
        editor.Find("[data-testid=validate-parameters]").Click();
        editor.Find("[data-testid=uri-parameter-userId] input").Input("CRM user id");
    }

    private static Task SetTriggerAsync(IRenderedComponent<WebHookEditor> editor, TriggerType trigger)
    {
        var select = editor.FindComponent<MudBlazor.MudSelect<TriggerType>>();

        return editor.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(trigger));
    }

    private static void Type(IRenderedComponent<WebHookEditor> editor, string testId, string text) =>
        editor.Find($"[data-testid={testId}] input").Input(text);

    private static string Curl(IRenderedComponent<WebHookEditor> editor) =>
        editor.Find("[data-testid=curl-template]").TextContent;
}
