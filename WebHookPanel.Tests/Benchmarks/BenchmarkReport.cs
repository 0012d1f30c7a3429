using System.Diagnostics;
using System.Globalization;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// Runs a measured action for rounds of iterations and prints p50, p99 and allocations per operation. Lines go
/// to the test's output and are appended to a report file, because the test runner may hide test output while
/// <c>run-benchmarks.sh</c> always prints the file.
/// </summary>
public sealed class BenchmarkReport
{
    /// <summary>Set by <c>run-benchmarks.sh</c>; otherwise the report lands beside the test binaries.</summary>
    public const string FileVariable = "BENCHMARK_REPORT";

    private readonly string _phase;

    public BenchmarkReport(string phase)
    {
        _phase = phase;
        var file = Environment.GetEnvironmentVariable(FileVariable);
        FilePath = string.IsNullOrWhiteSpace(file) ? Path.Combine(AppContext.BaseDirectory, "benchmarks.txt") : file;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
    }

    public string FilePath { get; }

    public Task<BenchmarkResult> MeasureAsync(string name, BenchmarkOptions options, Action<int> operation) =>
        MeasureAsync(
            name,
            options,
            iteration =>
            {
                operation(iteration);

                return Task.CompletedTask;
            });

    /// <param name="name">The action's name within the phase, e.g. <c>search</c>.</param>
    /// <param name="options">Rounds, iterations, warm-up and the target.</param>
    /// <param name="operation">One measured operation; receives the iteration number to vary its input.</param>
    public async Task<BenchmarkResult> MeasureAsync(
        string name,
        BenchmarkOptions options,
        Func<int, Task> operation)
    {
        for (var i = 0; i < options.WarmupIterations; i++)
        {
            await operation(i);
        }

        var p50s = new List<double>(options.Rounds);
        var p99s = new List<double>(options.Rounds);
        var allocations = new List<double>(options.Rounds);
        var times = new double[options.Iterations];
        for (var round = 1; round <= options.Rounds; round++)
        {
            // Each round starts from a collected heap so that one round's garbage does not pause the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < options.Iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Array.Sort(times);
            p50s.Add(Percentile(times, 0.50));
            p99s.Add(Percentile(times, 0.99));
            allocations.Add((double)allocated / options.Iterations);
            Write(
                $"  {_phase}.{name} round {round}/{options.Rounds}: p50 {Ms(p50s[^1])}, p99 {Ms(p99s[^1])}, " +
                $"{Kb(allocations[^1])}/op ({options.Iterations} ops)");
        }

        var result = new BenchmarkResult(
            name,
            options.Rounds,
            options.Iterations,
            Median(p50s),
            Median(p99s),
            Median(allocations));
        Write(
            $"{_phase}.{name}: median p50 {Ms(result.P50Milliseconds)}, p99 {Ms(result.P99Milliseconds)}, " +
            $"{Kb(result.AllocatedBytesPerOperation)}/op{Target(result, options)}");

        return result;
    }

    /// <summary>Prints a line as it is: a heading, a note or a phase's summary.</summary>
    public void Write(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(FilePath, line + Environment.NewLine);
    }

    public static string Ms(double milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.00} ms");

    private static string Kb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KB");

    private static string Target(BenchmarkResult result, BenchmarkOptions options) =>
        options.TargetP50Milliseconds is { } target
            ? $" (target p50 <= {Ms(target)}: {(result.P50Milliseconds <= target ? "met" : "MISSED")})"
            : "";

    // Nearest rank on sorted values: with 200 samples p99 is the second largest, not an interpolation.
    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;

        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
