using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using WebHookPanel.Api;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Secrets;

namespace WebHookPanel.Tests.Infrastructure;

/// <summary>
/// A panel on a temp database that records every log entry at every level, with a recording receiver beside it
/// and an API client holding the bootstrap key: for tests about what the server log says.
/// </summary>
public sealed class LoggedPanel : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private PanelFactory? _panel;
    private WebApplicationFactory<Program>? _logged;

    private LoggedPanel(RecordingReceiver receiver) => Receiver = receiver;

    public RecordingLoggerProvider Logs { get; } = new();

    public RecordingReceiver Receiver { get; }

    public HttpClient Api { get; private set; } = null!;

    public static async Task<LoggedPanel> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var panel = new LoggedPanel(await RecordingReceiver.StartAsync());
        var all = new Dictionary<string, string?>(settings) { ["Logging:LogLevel:Default"] = "Trace" };
        panel._panel = PanelFactory.On(panel._database, all);
        panel._logged = panel._panel.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .AddProvider(panel.Logs)
            .AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
        panel.Api = panel._logged.CreateClient();
        panel.Api.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, PanelFactory.ApiKey);

        return panel;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (_logged is not null)
        {
            await _logged.DisposeAsync();
        }

        if (_panel is not null)
        {
            await _panel.DisposeAsync();
        }

        await Receiver.DisposeAsync();
        _database.Dispose();
    }
}
