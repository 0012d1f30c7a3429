using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using WebHookPanel.Api;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// The built panel run as an OS process of its own (<c>dotnet WebHookPanel.dll</c>) on a SQLite file of the
/// test's choosing, so that a test can kill it the way <c>kill -9</c> does, with no chance to clean up.
/// </summary>
public sealed partial class PanelProcess : IAsyncDisposable
{
    public const string ApiKey = "panel-process-key";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HttpClient? _api;

    private PanelProcess(Process process)
    {
        _process = process;
    }

    /// <summary>A client for the panel's API with the bootstrap key.</summary>
    public HttpClient Api => _api ?? throw new InvalidOperationException("The panel has not started.");

    /// <summary>Starts the panel on a free loopback port and returns once it answers there.</summary>
    /// <param name="connectionString">The panel's database.</param>
    /// <param name="settings">Configuration keys, colon-separated, passed on as environment variables.</param>
    public static async Task<PanelProcess> StartAsync(
        string connectionString,
        IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WebHookPanel.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Panel"] = connectionString;
        start.Environment["Panel__BootstrapApiKey"] = ApiKey;

        // The recording receiver listens on loopback, which the outgoing-address guard refuses unless allowed.
        start.Environment["Dispatcher__AllowedPrivateNetworks__0"] = "127.0.0.0/8";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The one line read from the output: Kestrel names the port it was given there.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var panel = new PanelProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        await panel.RunAsync();

        return panel;
    }

    /// <summary>Ends the process at once with SIGKILL: no shutdown, no grace period, leases left as they are.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task RunAsync()
    {
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(
            new InvalidOperationException("The panel exited while starting:\n" + string.Join('\n', _output)));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Uri address;
        try
        {
            address = await _listening.Task.WaitAsync(StartTimeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            await DisposeAsync();
            throw new TimeoutException("The panel did not start listening:\n" + string.Join('\n', _output));
        }

        _api = new HttpClient { BaseAddress = address };
        _api.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKey);
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
