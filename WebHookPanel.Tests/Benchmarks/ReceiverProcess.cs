using System.Diagnostics;
using System.Globalization;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The benchmark's receiver (<c>WebHookPanel.Tests/Receiver</c>) as a child process on 127.0.0.1, so that its
/// CPU is measured apart from the panel's. It stops when its standard input closes.
/// </summary>
public sealed class ReceiverProcess : IAsyncDisposable
{
    /// <summary>Set by <c>run-benchmarks.sh</c> to the receiver it built.</summary>
    public const string PathVariable = "BENCHMARK_RECEIVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly HttpClient _control = new();

    private ReceiverProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _control.BaseAddress = new Uri(baseUrl);
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<ReceiverProcess> StartAsync(CancellationToken cancellationToken)
    {
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{PathVariable} does not name the built receiver: run WebHookPanel.Tests/run-benchmarks.sh.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(path);
        var process = Process.Start(start)
            ?? throw new InvalidOperationException("The receiver process did not start.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The receiver exited before it listened.");
            const string prefix = "listening ";
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The receiver said '{line}' instead of its address.");
            }

            return new ReceiverProcess(process, line[prefix.Length..]);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Every arrival since the last call: the <c>seq</c> query value and the Stopwatch timestamp.</summary>
    public async Task<List<(long Seq, long At)>> TakeArrivalsAsync(CancellationToken cancellationToken)
    {
        var text = await _control.GetStringAsync(new Uri("/arrivals", UriKind.Relative), cancellationToken);
        var arrivals = new List<(long, long)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            arrivals.Add((
                long.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture),
                long.Parse(line.AsSpan(space + 1), CultureInfo.InvariantCulture)));
        }

        return arrivals;
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
