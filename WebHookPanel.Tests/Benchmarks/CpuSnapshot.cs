using System.Diagnostics;
using System.Globalization;

namespace WebHookPanel.Tests.Benchmarks;

/// <summary>
/// CPU time used so far by the machine (busy time in <c>/proc/stat</c>), by this process and by the receiver,
/// so that the difference of two snapshots shows what other processes took during a phase.
/// </summary>
public sealed record CpuSnapshot(long Timestamp, TimeSpan Self, double MachineSeconds, double ReceiverSeconds)
{
    // USER_HZ: Linux reports /proc times in hundredths of a second on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static CpuSnapshot Take(int receiverProcessId)
    {
        using var self = Process.GetCurrentProcess();

        return new CpuSnapshot(
            Stopwatch.GetTimestamp(),
            self.TotalProcessorTime,
            MachineBusySeconds(),
            ProcessSeconds(receiverProcessId));
    }

    public double ElapsedSecondsSince(CpuSnapshot start) =>
        Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;

    /// <summary>Cores that processes other than this one and the receiver kept busy, on average.</summary>
    public double OtherCoresSince(CpuSnapshot start)
    {
        var machine = MachineSeconds - start.MachineSeconds;
        var ours = (Self - start.Self).TotalSeconds + (ReceiverSeconds - start.ReceiverSeconds);

        return Math.Max(0, machine - ours) / ElapsedSecondsSince(start);
    }

    // The first line adds up all cores: user nice system idle iowait irq softirq steal ...; idle and iowait are
    // not busy.
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture))
            .ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];

        return busy / TicksPerSecond;
    }

    // Fields after the command name, which may hold spaces and so ends at the last ')': state is the first,
    // utime the twelfth and stime the thirteenth.
    private static double ProcessSeconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);

        return ticks / TicksPerSecond;
    }
}
