using System.Diagnostics;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>One phase of one round of the dispatcher benchmark. Times in milliseconds.</summary>
public sealed record DispatchPhaseResult(
    string Phase,
    int Deliveries,
    double DeliveriesPerSecond,
    double CpuMicrosecondsPerDelivery,
    double ReceiverMicrosecondsPerDelivery,
    double P50Milliseconds,
    double P99Milliseconds,
    double OtherCores,
    long PeakWorkingSetBytes)
{
    /// <summary>
    /// Figures of a phase from the CPU snapshots around it, the Stopwatch timestamp at which each <c>seq</c> was
    /// accepted, and what the receiver got during it.
    /// </summary>
    public static DispatchPhaseResult From(
        string phase,
        int deliveries,
        CpuSnapshot start,
        CpuSnapshot end,
        long[] accepted,
        IReadOnlyList<(long Seq, long At)> arrivals)
    {
        var latencies = arrivals
            .Where(a => a.Seq >= 0 && a.Seq < accepted.Length)
            .Select(a => (a.At - accepted[a.Seq]) * 1000.0 / Stopwatch.Frequency)
            .Order()
            .ToArray();
        var seconds = end.ElapsedSecondsSince(start);
        using var self = Process.GetCurrentProcess();

        return new DispatchPhaseResult(
            phase,
            deliveries,
            deliveries / seconds,
            (end.Self - start.Self).TotalMicroseconds / deliveries,
            (end.ReceiverSeconds - start.ReceiverSeconds) * 1_000_000 / deliveries,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            end.OtherCoresSince(start),
            self.PeakWorkingSet64);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
