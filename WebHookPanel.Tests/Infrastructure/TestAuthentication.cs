using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Api;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// Who the panel sees in tests that need a particular actor, applied with <see cref="PanelFactory.WithServices"/>:
/// a browser signed in with a role, and API keys with chosen scopes.
/// </summary>
public static class TestAuthentication
{
    /// <summary>An API key that may post events but not administer hooks.</summary>
    public const string EventsOnlyKey = "panel-tests-events-only-key";

    public const string BrowserScheme = "TestBrowser";

    /// <summary>
    /// Every page request is signed in as admin@ or marketer@panel.test with <paramref name="role"/>, so that a
    /// browser test acts with that role's rights without a login page. API calls still authenticate by key.
    /// </summary>
    public static IServiceCollection SignInBrowserAs(this IServiceCollection services, string role)
    {
        services.AddAuthentication(options => options.DefaultScheme = BrowserScheme)
            .AddScheme<TestBrowserOptions, TestBrowserHandler>(BrowserScheme, options => options.Role = role);

        return services;
    }

    /// <summary>
    /// Adds <see cref="EventsOnlyKey"/> (scope events:write only) beside the bootstrap key, which keeps every scope.
    /// </summary>
    public static IServiceCollection AddEventsOnlyKey(this IServiceCollection services)
    {
        services.Configure<AuthenticationOptions>(options =>
            options.SchemeMap[ApiKeyDefaults.Scheme].HandlerType = typeof(TestKeyHandler));

        return services;
    }
}
