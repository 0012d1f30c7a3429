using System.Diagnostics;
using System.Globalization;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// The dispatcher against a receiver in a child process on 127.0.0.1, over interleaved rounds of three phases:
/// (A) the raw ceiling, a plain client posting the same requests at the same concurrency; (C) the panel end to
/// end, event batches fanned out to hooks, every delivery persisted with its outcome; (D) the panel open-loop
/// at 1,000 events/s. Run by <c>run-benchmarks.sh</c>, never by the default test run.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class DispatchBenchmarks
{
    private const int Rounds = 5;

    // 3,000 events to 10 hooks: 30,000 deliveries a round, so that the rounds pass 100,000 with the others.
    private const int EventsPerRound = 3_000;
    private const int BatchSize = 100;
    private const int Clients = 4;

    private const int OpenLoopPerSecond = 1_000;
    private const int OpenLoopEvents = 4_000;

    private const double NoisyCores = 0.3;
    private const double TargetRatio = 0.35;
    private const double TargetP99Milliseconds = 50;
    private const double TargetMegabytes = 300;
    private const int MemoryDeliveries = 100_000;

    [Fact(Explicit = true)]
    public async Task Dispatcher_RawThenPanelThenOpenLoop_ThroughputLatencyAndMemory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var receiver = await ReceiverProcess.StartAsync(cancellationToken);
        await using var panel = await DispatchPanel.StartAsync(receiver.BaseUrl, cancellationToken);
        using var raw = new RawPoster(panel.BuildFanOutRequests());
        var report = new BenchmarkReport("dispatch");
        var deliveriesPerRound = EventsPerRound * DispatchPanel.FanOut;
        report.Write(
            $"dispatch: {Rounds} rounds of A raw ({deliveriesPerRound:N0} requests), C panel ({EventsPerRound:N0} " +
            $"events x {DispatchPanel.FanOut} hooks, batches of {BatchSize} from {Clients} clients), D open loop " +
            $"({OpenLoopEvents:N0} events at {OpenLoopPerSecond:N0}/s); {panel.Workers} in flight; " +
            $"receiver pid {receiver.ProcessId}");

        // One whole round unmeasured: a shorter warm-up left the first measured round at a third of the speed of
        // the others, with the JIT still promoting hot methods and SQLite's file and page cache still growing.
        await raw.PostAsync(deliveriesPerRound, panel.Workers, new long[deliveriesPerRound], cancellationToken);
        var total = await panel.RunBatchesAsync(
            EventsPerRound,
            BatchSize,
            Clients,
            new long[EventsPerRound],
            cancellationToken);
        total += await panel.RunOpenLoopAsync(
            OpenLoopEvents,
            OpenLoopPerSecond,
            new long[OpenLoopEvents],
            cancellationToken);
        await receiver.TakeArrivalsAsync(cancellationToken);

        var results = new List<(DispatchPhaseResult A, DispatchPhaseResult C, DispatchPhaseResult D)>();
        for (var round = 1; round <= Rounds; round++)
        {
            var a = await MeasureAsync(
                "A raw",
                deliveriesPerRound,
                receiver,
                async accepted =>
                {
                    await raw.PostAsync(deliveriesPerRound, panel.Workers, accepted, cancellationToken);

                    return deliveriesPerRound;
                },
                cancellationToken);
            var c = await MeasureAsync(
                "C panel",
                deliveriesPerRound,
                receiver,
                accepted => panel.RunBatchesAsync(EventsPerRound, BatchSize, Clients, accepted, cancellationToken),
                cancellationToken);
            var d = await MeasureAsync(
                "D open loop",
                OpenLoopEvents,
                receiver,
                accepted => panel.RunOpenLoopAsync(OpenLoopEvents, OpenLoopPerSecond, accepted, cancellationToken),
                cancellationToken);
            total += c.Deliveries + d.Deliveries;
            results.Add((a, c, d));
            foreach (var phase in new[] { a, c, d })
            {
                report.Write($"  round {round}/{Rounds} {Describe(phase)}");
            }

            report.Write($"  round {round}/{Rounds} C/A {Ratio(c, a):0.00}");
        }

        Summarize(report, results, total);
    }

    private static async Task<DispatchPhaseResult> MeasureAsync(
        string phase,
        int expected,
        ReceiverProcess receiver,
        Func<long[], Task<int>> run,
        CancellationToken cancellationToken)
    {
        // Each phase starts from a collected heap so that the one before does not pause it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var accepted = new long[expected];
        var start = CpuSnapshot.Take(receiver.ProcessId);
        var done = await run(accepted);
        var end = CpuSnapshot.Take(receiver.ProcessId);
        var arrivals = await receiver.TakeArrivalsAsync(cancellationToken);

        Assert.Equal(expected, done);
        Assert.True(arrivals.Count >= expected, $"{phase}: {arrivals.Count} of {expected} requests arrived");

        return DispatchPhaseResult.From(phase, expected, start, end, accepted, arrivals);
    }

    private static void Summarize(
        BenchmarkReport report,
        List<(DispatchPhaseResult A, DispatchPhaseResult C, DispatchPhaseResult D)> results,
        int total)
    {
        var a = Medians(results.Select(r => r.A).ToList());
        var c = Medians(results.Select(r => r.C).ToList());
        var d = Medians(results.Select(r => r.D).ToList());
        foreach (var phase in new[] { a, c, d })
        {
            report.Write($"median {Describe(phase)}");
        }

        var ratio = Median(results.Select(r => Ratio(r.C, r.A)));
        var ratios = string.Join(", ", results.Select(r => Ratio(r.C, r.A).ToString("0.00", Culture)));
        report.Write(string.Create(Culture, $"C/A per round {ratios}; median {ratio:0.00}"));

        using var self = Process.GetCurrentProcess();
        var peak = self.PeakWorkingSet64 / 1024.0 / 1024.0;
        var now = self.WorkingSet64 / 1024.0 / 1024.0;
        var memoryNote = total >= MemoryDeliveries ? "" : $" (fewer than {MemoryDeliveries:N0})";
        report.Write(string.Create(
            Culture,
            $"panel working set after {total:N0} deliveries{memoryNote}: {now:0} MB, peak {peak:0} MB"));

        var noisy = results.Any(r => new[] { r.A, r.C, r.D }.Any(p => p.OtherCores > NoisyCores))
            ? " (the machine was NOISY during some phases)"
            : "";
        report.Write(string.Create(
            Culture,
            $"target ratio >= {TargetRatio:0.00}: {ratio:0.00} {Judge(ratio >= TargetRatio)}{noisy}"));
        report.Write(string.Create(
            Culture,
            $"target p99 <= {TargetP99Milliseconds:0} ms at {OpenLoopPerSecond}/s: {d.P99Milliseconds:0.0} ms " +
            $"{Judge(d.P99Milliseconds <= TargetP99Milliseconds)}{noisy}"));
        report.Write(string.Create(
            Culture,
            $"target working set <= {TargetMegabytes:0} MB: {peak:0} MB {Judge(peak <= TargetMegabytes)}"));
        report.Write(string.Create(
            Culture,
            $"dispatch: {c.DeliveriesPerSecond:0}/s, {ratio:0.00} of raw, " +
            $"p99 {d.P99Milliseconds:0.0} ms at {OpenLoopPerSecond}/s, {peak:0} MB"));
    }

    private static string Describe(DispatchPhaseResult phase)
    {
        var noisy = phase.OtherCores > NoisyCores ? " NOISY" : "";

        return string.Create(
            Culture,
            $"{phase.Phase}: {phase.DeliveriesPerSecond:N0} deliveries/s, " +
            $"{phase.CpuMicrosecondsPerDelivery:0} us CPU/delivery " +
            $"(receiver {phase.ReceiverMicrosecondsPerDelivery:0} us), accepted to received " +
            $"p50 {phase.P50Milliseconds:0.00} ms, p99 {phase.P99Milliseconds:0.00} ms, " +
            $"peak working set {phase.PeakWorkingSetBytes / 1024.0 / 1024.0:0} MB, " +
            $"other processes {phase.OtherCores:0.00} cores{noisy}");
    }

    // Medians figure by figure: the median round of one figure need not be the median round of another.
    private static DispatchPhaseResult Medians(List<DispatchPhaseResult> rounds) => new(
        rounds[0].Phase,
        rounds[0].Deliveries,
        Median(rounds.Select(r => r.DeliveriesPerSecond)),
        Median(rounds.Select(r => r.CpuMicrosecondsPerDelivery)),
        Median(rounds.Select(r => r.ReceiverMicrosecondsPerDelivery)),
        Median(rounds.Select(r => r.P50Milliseconds)),
        Median(rounds.Select(r => r.P99Milliseconds)),
        Median(rounds.Select(r => r.OtherCores)),
        rounds.Max(r => r.PeakWorkingSetBytes));

    private static double Ratio(DispatchPhaseResult panel, DispatchPhaseResult raw) =>
        panel.DeliveriesPerSecond / raw.DeliveriesPerSecond;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;

        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Judge(bool met) => met ? "met" : "MISSED";

    private static CultureInfo Culture => CultureInfo.InvariantCulture;
}
