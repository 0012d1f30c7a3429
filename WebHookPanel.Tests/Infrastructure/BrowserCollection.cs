namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// Browser tests share one Chromium and run one at a time: a browser, the panel and the test all on two cores
/// is the most the machine takes without timing out.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
