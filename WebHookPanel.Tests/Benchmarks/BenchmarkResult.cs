namespace WebHookPanel.Tests.Benchmarks;

/// <summary>Medians over the rounds of one measured action. Times in milliseconds, allocations per operation.</summary>
public sealed record BenchmarkResult(
    string Name,
    int Rounds,
    int Iterations,
    double P50Milliseconds,
    double P99Milliseconds,
    double AllocatedBytesPerOperation);
