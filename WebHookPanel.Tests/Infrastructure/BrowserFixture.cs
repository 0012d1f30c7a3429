using Microsoft.Playwright;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the browser tests: Debian's own build, so that no test ever downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Blazor Server under load on two cores held at 20 s; 5 s did not.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: run WebHookPanel.Tests/run-tests.sh, which installs Debian's chromium.");
        }

        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArguments,
        });
    }

    /// <summary>A fresh context (own cookies and storage) with the raised timeouts; dispose it after use.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);

        return context;
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new page and returns once the Blazor circuit is interactive: the layout
    /// renders its marker only then, and input typed into a prerendered page is lost.
    /// </summary>
    public static async Task<IPage> OpenInteractiveAsync(IBrowserContext context, Uri baseAddress, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Attached,
        });

        return page;
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/NAME.png</c> beside the test binaries.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
