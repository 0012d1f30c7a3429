using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Api;

/// <summary>One panel for the review API tests, which also knows an API key without the webhooks:admin scope.</summary>
public sealed class ReviewApiFixture : IAsyncDisposable
{
    public PanelFactory Panel { get; } = new PanelFactory().WithServices(s => s.AddEventsOnlyKey());

    /// <summary>The panel's own commands, for what a marketer does in the pages (the API is for admins).</summary>
    public WebHookCommands Commands => Panel.Services.GetRequiredService<WebHookCommands>();

    public ValueTask DisposeAsync() => Panel.DisposeAsync();
}
