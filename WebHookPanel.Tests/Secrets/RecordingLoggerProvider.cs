using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace WebHookPanel.Tests.Secrets;

/// <summary>
/// Records every log entry of every category at every level, as text: the message, each structured value and the
/// exception with its inner exceptions, so that a test can look for a secret anywhere a log sink could see it.
/// </summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _entries = new();

    public IReadOnlyCollection<(string Category, LogLevel Level, string Text)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(
        string category,
        ConcurrentQueue<(string Category, LogLevel Level, string Text)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue((category, LogLevel.None, $"scope: {Describe(state)}"));

            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            text.Append(" | ").Append(Describe(state));
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            entries.Enqueue((category, logLevel, text.ToString()));
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? "";
    }
}
