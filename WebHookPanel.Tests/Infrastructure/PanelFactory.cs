using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebHookPanel.Accounts;
using WebHookPanel.Api;
using WebHookPanel.Data;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// The whole panel in-process on a temp SQLite file of its own (or one it shares, see <see cref="On"/>), with a
/// known bootstrap API key and two accounts: an admin (the bootstrap admin) and a marketer. In-memory by default;
/// <see cref="ServeOnLoopback"/> puts it on a real Kestrel port for a browser.
/// </summary>
public sealed class PanelFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "panel-tests-bootstrap-key";

    public const string AdminEmail = PanelTestContext.AdminName;

    public const string AdminPassword = "admin password for tests";

    public const string MarketerEmail = PanelTestContext.MarketerName;

    public const string MarketerPassword = "marketer password for tests";

    public const string BootstrapAdminSetting = BootstrapAdminOptions.SectionName;

    public const string AllowedNetworksSetting = "Dispatcher:AllowedPrivateNetworks";

    private readonly TempDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly TimeProvider? _timeProvider;
    private readonly Dictionary<string, string?> _settings;
    private Uri? _serverAddress;

    public PanelFactory()
        : this(new TempDatabase(), ownsDatabase: true, timeProvider: null)
    {
    }

    private PanelFactory(TempDatabase database, bool ownsDatabase, TimeProvider? timeProvider)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _timeProvider = timeProvider;
        _settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = _database.ConnectionString,
            [ApiKeyHandler.BootstrapKeySetting] = ApiKey,
            [$"{BootstrapAdminSetting}:{nameof(BootstrapAdminOptions.Email)}"] = AdminEmail,
            [$"{BootstrapAdminSetting}:{nameof(BootstrapAdminOptions.Password)}"] = AdminPassword,

            // The recording receivers listen on loopback, which the outgoing-address guard refuses by default.
            [AllowedNetworksSetting + ":0"] = "127.0.0.0/8",

            // The test runner shows a test's output; start-up chatter would bury the line that matters.
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    /// <summary>
    /// Settings without a bootstrap admin: the panel starts with no account and offers the first-run page.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> NoAccounts { get; } = new Dictionary<string, string?>
    {
        [$"{BootstrapAdminSetting}:{nameof(BootstrapAdminOptions.Email)}"] = null,
        [$"{BootstrapAdminSetting}:{nameof(BootstrapAdminOptions.Password)}"] = null,
    };

    /// <summary>The email and password of the test account of a role (<see cref="PanelRoles"/>).</summary>
    public static (string Email, string Password) Credentials(string role) =>
        role == PanelRoles.Admin ? (AdminEmail, AdminPassword) : (MarketerEmail, MarketerPassword);

    /// <summary>Settings that leave the outgoing-address guard with an empty allow-list.</summary>
    public static IReadOnlyDictionary<string, string?> NoAllowedNetworks { get; } =
        new Dictionary<string, string?> { [AllowedNetworksSetting] = null };

    /// <summary>A panel whose configuration has these keys (colon-separated) over the defaults set here.</summary>
    public static PanelFactory With(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new PanelFactory();
        factory.Apply(settings);

        return factory;
    }

    /// <summary>
    /// A panel on a database that outlives it, so that a second panel can start on the same file, with settings
    /// over the defaults and, when given, a clock of the test's own in place of the system's.
    /// </summary>
    public static PanelFactory On(
        TempDatabase database,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null)
    {
        var factory = new PanelFactory(database, ownsDatabase: false, timeProvider);
        factory.Apply(settings ?? new Dictionary<string, string?>());

        return factory;
    }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>
    /// Puts <paramref name="settings"/> over the defaults; a test that names the allow-list owns it whole.
    /// </summary>
    private void Apply(IReadOnlyDictionary<string, string?> settings)
    {
        if (settings.Keys.Any(k => k.StartsWith(AllowedNetworksSetting, StringComparison.Ordinal)))
        {
            _settings.Remove(AllowedNetworksSetting + ":0");
        }

        foreach (var (key, value) in settings.Where(s => s.Value is not null || s.Key != AllowedNetworksSetting))
        {
            _settings[key] = value;
        }
    }

    /// <summary>The loopback address Kestrel listens on, once <see cref="ServeOnLoopback"/> has run.</summary>
    public Uri ServerAddress =>
        _serverAddress ?? throw new InvalidOperationException($"Call {nameof(ServeOnLoopback)} first.");

    /// <summary>Starts the panel on Kestrel at a free loopback port and returns its address.</summary>
    public Uri ServeOnLoopback()
    {
        if (_serverAddress is not null)
        {
            return _serverAddress;
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();

        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        _serverAddress = new Uri(addresses.Addresses.Single());

        return _serverAddress;
    }

    /// <summary>A client for the admin API: the bootstrap key is sent with every request.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKey);

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Outside Development an unpublished app answers 500 for MudBlazor's files and blazor.web.js.
        builder.UseEnvironment(Environments.Development);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

        // After the panel's own hosted services: the schema is migrated and the bootstrap admin exists by then.
        builder.ConfigureTestServices(services => services.AddHostedService<MarketerSeeder>());
        if (_timeProvider is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The base class stops the host before it calls this, so the file is no longer in use here.
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            _database.Dispose();
        }
    }
}
