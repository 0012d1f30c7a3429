using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.ApiKeys;
using WebHookPanel.Tests.ApiKeys;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Api;

/// <summary>One panel for the review API tests, with a managed API key that lacks the webhooks:admin scope.</summary>
public sealed class ReviewApiFixture : IAsyncLifetime
{
    public PanelFactory Panel { get; } = new();

    /// <summary>A key an admin created with events:write only.</summary>
    public string EventsOnlyKey { get; private set; } = "";

    /// <summary>The panel's own commands, for what a marketer does in the pages (the API is for admins).</summary>
    public WebHookCommands Commands => Panel.Services.GetRequiredService<WebHookCommands>();

    public async ValueTask InitializeAsync() =>
        (EventsOnlyKey, _) = await ApiKeyTestData.CreateAsync(Panel.Services, "events only", ApiKeyScopes.EventsWrite);

    public ValueTask DisposeAsync() => Panel.DisposeAsync();
}
