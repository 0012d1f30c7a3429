using Bunit;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Review;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

public sealed class DefinitionDiffTableTests : PanelTestContext
{
    private const string Secret = "Bearer old-token-value";
    private const string NewSecret = "Bearer new-token-value";

    [Fact]
    public void Render_ChangedRows_ListsEachWithItsKindAndNeverASecretValue()
    {
        var before = Hook(Secret);
        var after = Hook(NewSecret);
        after.Headers.Add(TestData.Fixed("X-Session-Token", "added-token-value"));
        after.Parameters.Clear();

        var table = Render<DefinitionDiffTable>(p => p.Add(x => x.Changes, DefinitionDiff.Compare(before, after)));

        var rows = table.FindAll("[data-testid=diff-row]");
        Assert.Equal(
            [
                ("Header Authorization", "Changed"),
                ("Header X-Session-Token", "Added"),
                ("Parameter campaign", "Removed"),
            ],
            rows.Select(r => (r.GetAttribute("data-field"), r.GetAttribute("data-kind"))));
        Assert.Contains("(changed)", rows[0].QuerySelector(".diff-after")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Event context · campaign", rows[2].QuerySelector(".diff-before")!.TextContent.Trim());
        Assert.Equal("—", rows[2].QuerySelector(".diff-after")!.TextContent.Trim());
        Assert.DoesNotContain("token-value", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoChanges_SaysSo()
    {
        var table = Render<DefinitionDiffTable>(p => p.Add(x => x.Changes, DefinitionDiff.Compare(Hook(), Hook())));

        Assert.NotNull(table.Find("[data-testid=no-changes]"));
        Assert.Empty(table.FindAll("[data-testid=diff-row]"));
    }

    private static WebHookDefinition Hook(string secret = Secret)
    {
        var hook = TestData.Hook("https://crm.example.com/clicks", WebHookMethod.POST);
        hook.Headers = [TestData.Fixed("Authorization", secret)];
        hook.Parameters = [TestData.Row("campaign", ValueSource.Context, "campaign")];

        return hook;
    }
}
