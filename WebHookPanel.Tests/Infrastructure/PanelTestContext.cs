using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using WebHookPanel.Accounts;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// The bUnit context every component test shares: MudBlazor's services, loose JS interop (MudBlazor calls into
/// JS that bUnit cannot run), and, on request, the panel's data services on a temp database.
/// </summary>
public abstract class PanelTestContext : BunitContext
{
    public const string AdminName = "admin@panel.test";

    public const string MarketerName = "marketer@panel.test";

    private PanelDatabase? _database;
    private DeliveryDispatcher? _runningDispatcher;

    protected PanelTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;

        // The wizard asks the guard whether to warn about a URI; tests that send replace it with the dispatcher's.
        Services.AddSingleton(new OutgoingAddressGuard([]));

        // Components are rendered for a signed-in admin unless a test says otherwise (SignInAs).
        Authorization = AddAuthorization();
        SignInAs(PanelRoles.Admin);

        // Server data comes from a real SQLite file on a busy two-core machine: a second is not always enough.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>The signed-in user the components see; change it before the first render.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs in a user of the given role (<see cref="PanelRoles"/>): admin@ or marketer@panel.test.</summary>
    protected void SignInAs(string role)
    {
        Authorization.SetAuthorized(role == PanelRoles.Admin ? AdminName : MarketerName);
        Authorization.SetRoles(role);
    }

    /// <summary>The provider rendered by <see cref="RenderWithPopovers{TComponent}"/>; menu and select items
    /// are found in its markup, not in the component's.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    /// <summary>
    /// Gives the components a real <c>IDbContextFactory</c>, <see cref="WebHooks.WebHookStore"/> and clock on a
    /// migrated temp SQLite file. Call before the first render: services cannot be added afterwards.
    /// </summary>
    protected async Task<PanelDatabase> UseDatabaseAsync()
    {
        if (_database is null)
        {
            _database = await PanelDatabase.CreateAsync(Xunit.TestContext.Current.CancellationToken);
            _database.AddTo(Services);
        }

        return _database;
    }

    /// <summary>
    /// Adds the dispatcher's services on the temp database (<see cref="UseDatabaseAsync"/>), allowed to reach
    /// loopback receivers, without quick retries. Call before the first render; the dispatcher itself runs only
    /// once <see cref="StartDispatcherAsync"/> is called.
    /// </summary>
    protected async Task<PanelDatabase> UseDispatchingAsync()
    {
        var database = await UseDatabaseAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dispatcher:AllowedPrivateNetworks:0"] = "127.0.0.0/8",
                ["Dispatcher:QuickRetries"] = "0",
                ["Dispatcher:AttemptTimeout"] = "00:00:05",
            })
            .Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddDispatching();

        return database;
    }

    /// <summary>Starts the dispatcher's writer and workers; they are stopped when the test context goes.</summary>
    protected async Task StartDispatcherAsync()
    {
        _runningDispatcher = Services.GetRequiredService<DeliveryDispatcher>();
        await _runningDispatcher.StartAsync(Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Renders a <see cref="MudPopoverProvider"/> first and the component after it, as the panel's layout does:
    /// without the provider, selects, menus and autocompletes never render their items and nothing fails.
    /// </summary>
    protected IRenderedComponent<TComponent> RenderWithPopovers<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Popovers ??= Render<MudPopoverProvider>();

        return parameters is null ? Render<TComponent>() : Render(parameters);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (_runningDispatcher is not null)
        {
            await _runningDispatcher.StopAsync(CancellationToken.None);
        }

        await base.DisposeAsyncCore();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
