using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebHookPanel.Accounts;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the browser tests: Debian's own build, so that no test ever downloads a browser.
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime
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
    /// renders its marker only then, and input typed into a prerendered page is lost. When the panel asks for a
    /// login first, signs in as the <see cref="PanelFactory"/> account of <paramref name="role"/> (the admin unless
    /// told otherwise); the context keeps the cookie for later pages.
    /// </summary>
    public static async Task<IPage> OpenInteractiveAsync(
        IBrowserContext context,
        Uri baseAddress,
        string path,
        string role = PanelRoles.Admin)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        if (IsLoginPage(page.Url))
        {
            await SignInAsync(page, role);
        }

        await WaitUntilInteractiveAsync(page);

        return page;
    }

    /// <summary>Fills in and posts the login page the browser shows, and waits until it has left it.</summary>
    public static async Task SignInAsync(IPage page, string role)
    {
        var (email, password) = PanelFactory.Credentials(role);
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage());
    }

    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Attached,
        });

    public static bool IsLoginPage(string url) => LoginPage().IsMatch(url);

    /// <summary>
    /// Saves a screenshot as <c>screenshots/NAME.png</c> beside the test binaries: the whole page, or what the
    /// window shows when a dialog is open (a dialog's overlay covers the window, so a whole-page picture of a long
    /// page shows the overlay, the app bar and the menu cut off halfway down).
    /// </summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });

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

    [GeneratedRegex("/account/login(\\?|$)")]
    private static partial Regex LoginPage();
}
