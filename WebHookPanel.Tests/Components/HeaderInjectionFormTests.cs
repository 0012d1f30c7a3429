using Bunit;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

/// <summary>
/// Line breaks and NUL characters typed into header rows of the wizard. A browser strips line breaks from a text
/// box, but a crafted circuit message does not: the server must refuse them itself.
/// </summary>
public sealed class HeaderInjectionFormTests : PanelTestContext
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("X-A\r\nX-Injected: 1", "ok", "key", "may only contain")]
    [InlineData("X\0A", "ok", "key", "may only contain")]
    [InlineData("X-Team", "v\r\nX-Injected: 1", "value", "a line break")]
    [InlineData("X-Team", "v\0", "value", "a NUL character")]
    [InlineData("X-Api-Key", "s3cr3t\nX-Injected: 1", "value", "a line break")]
    public async Task TypeInjectedHeader_ShowsMessageUnderFieldAndSavesNothing(
        string key,
        string value,
        string field,
        string message)
    {
        var database = await UseDatabaseAsync();
        var editor = RenderWithPopovers<WebHookEditor>();
        editor.Find("[data-testid=name] input").Input("Injected hook");
        editor.Find("[data-testid=uri] input").Input("https://crm.example.com/hook");
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.WaitForElement("[data-testid=add-header]").Click();

        editor.Find("[data-testid=header-0-key] input").Input(key);
        editor.Find("[data-testid=header-0-value] input").Input(value);
        editor.Find("[data-testid=next]").Click();

        editor.WaitForAssertion(() => Assert.Contains(
            message,
            editor.Find($"[data-testid=header-0-{field}]").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(editor.FindAll("[data-testid=save]"));
        Assert.Equal(0, (await database.Store.ListAsync(new WebHookQuery(), Cancellation)).Total);
    }
}
