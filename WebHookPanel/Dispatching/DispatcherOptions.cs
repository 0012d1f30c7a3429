namespace WebHookPanel.Dispatching;

/// <summary>The dispatcher's settings, section <c>Dispatcher</c>; checked at start-up.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Dispatcher";

    /// <summary>At once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: then the delivery is dead.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultSchedule =
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    /// <summary>Concurrent attempts.</summary>
    public int Workers { get; set; } = 32;

    /// <summary>
    /// Waits before each scheduled retry. Null means <see cref="DefaultSchedule"/>: the configuration binder
    /// would append configured steps to a pre-filled list instead of replacing it.
    /// </summary>
    public TimeSpan[]? Schedule { get; set; }

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries of transient failures inside one attempt, with the same <c>webhook-id</c>.</summary>
    public int QuickRetries { get; set; } = 2;

    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a claim is valid; a delivery whose lease runs out is claimed again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the database is asked for due retries and expired leases.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most deliveries claimed at once.</summary>
    public int ClaimBatchSize { get; set; } = 100;

    /// <summary>Most events, outcomes and releases committed in one transaction.</summary>
    public int WriteBatchSize { get; set; } = 512;

    /// <summary>
    /// How many megabytes of events may wait in memory for a worker; past it, new deliveries wait in the database
    /// and are claimed as the workers make room.
    /// </summary>
    public int WaitingMemoryMegabytes { get; set; } = 64;

    /// <summary>Consecutive failed or dead deliveries that pause a hook.</summary>
    public int PauseThreshold { get; set; } = 20;

    /// <summary>How long attempts in flight may run on after shutdown begins.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>CIDR ranges that outgoing requests may reach although private; read by the address guard.</summary>
    public string[] AllowedPrivateNetworks { get; set; } = [];

    public IReadOnlyList<TimeSpan> EffectiveSchedule => Schedule ?? DefaultSchedule;

    /// <summary><see cref="WaitingMemoryMegabytes"/> as <see cref="DeliveryWork.Weight"/> counts: characters.</summary>
    public long WaitingWeightLimit => WaitingMemoryMegabytes * 1024L * 1024 / sizeof(char);
}
