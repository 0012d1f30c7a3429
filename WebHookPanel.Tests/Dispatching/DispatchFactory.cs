using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>The panel in-process on a SQLite file of the test's choosing, with an API key and extra settings.</summary>
public sealed class DispatchFactory(
    string databasePath,
    IReadOnlyDictionary<string, string?>? settings = null,
    TimeProvider? timeProvider = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "dispatch-tests-key";

    public const string AllowedNetworksSetting = "Dispatcher:AllowedPrivateNetworks";

    /// <summary>Settings that leave the outgoing-address guard with an empty allow-list.</summary>
    public static IReadOnlyDictionary<string, string?> NoAllowedNetworks { get; } =
        new Dictionary<string, string?> { [AllowedNetworksSetting] = null };

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Panel", $"Data Source={databasePath}");
        builder.UseSetting("Panel:BootstrapApiKey", ApiKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // The recording receiver listens on loopback, which the guard refuses unless a test chose its own list.
        var choosesNetworks = settings?.Keys.Any(k => k.StartsWith(AllowedNetworksSetting, StringComparison.Ordinal));
        if (choosesNetworks != true)
        {
            builder.UseSetting(AllowedNetworksSetting + ":0", "127.0.0.0/8");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (timeProvider is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(timeProvider));
        }
    }
}
