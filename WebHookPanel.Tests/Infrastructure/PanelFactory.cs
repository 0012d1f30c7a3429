using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebHookPanel.Api;
using WebHookPanel.Data;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// The whole panel in-process on a temp SQLite file of its own, with a known bootstrap API key. In-memory by
/// default; <see cref="ServeOnLoopback"/> puts it on a real Kestrel port for a browser.
/// </summary>
public sealed class PanelFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "panel-tests-bootstrap-key";

    private readonly TempDatabase _database = new();
    private readonly Dictionary<string, string?> _settings;
    private Uri? _serverAddress;

    public PanelFactory()
    {
        _settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = _database.ConnectionString,
            [ApiKeyHandler.BootstrapKeySetting] = ApiKey,

            // The recording receivers listen on loopback, which the outgoing-address guard refuses by default.
            ["Dispatcher:AllowedPrivateNetworks:0"] = "127.0.0.0/8",

            // The test runner shows a test's output; start-up chatter would bury the line that matters.
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    /// <summary>A panel whose configuration has these keys (colon-separated) over the defaults set here.</summary>
    public static PanelFactory With(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new PanelFactory();
        foreach (var (key, value) in settings)
        {
            factory._settings[key] = value;
        }

        return factory;
    }

    public string ConnectionString => _database.ConnectionString;

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
    }

    protected override void Dispose(bool disposing)
    {
        // The base class stops the host before it calls this, so the file is no longer in use here.
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
