using Microsoft.Playwright;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WebHookListPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Open_EmptyPanel_ShowsHeading()
    {
        await using var panel = new PanelFactory();
        var address = panel.ServeOnLoopback();
        await using var context = await browser.NewContextAsync();

        var page = await BrowserFixture.OpenInteractiveAsync(context, address, "/webhooks");

        var heading = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "WebHooks", Exact = true });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No webhooks match")).ToBeVisibleAsync();
        var screenshot = await BrowserFixture.SaveScreenshotAsync(page, "webhook-list-empty");
        Assert.True(File.Exists(screenshot));
    }
}
