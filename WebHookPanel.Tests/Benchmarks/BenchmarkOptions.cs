namespace WebHookPanel.Tests.Benchmarks;

/// <param name="Iterations">Measured operations per round.</param>
/// <param name="Rounds">Rounds; the figures reported are the medians of the rounds' figures.</param>
/// <param name="WarmupIterations">Unmeasured operations before the first round (JIT, caches, pools).</param>
/// <param name="TargetP50Milliseconds">Printed beside the result with whether it was met; never fails the run.</param>
public sealed record BenchmarkOptions(
    int Iterations = 200,
    int Rounds = 3,
    int WarmupIterations = 20,
    double? TargetP50Milliseconds = null);
