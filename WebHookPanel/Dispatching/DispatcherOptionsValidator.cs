using System.Net;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Dispatching;

/// <summary>Refuses to start with settings that could not work, naming each setting that is wrong.</summary>
public sealed class DispatcherOptionsValidator : IValidateOptions<DispatcherOptions>
{
    private const string Section = DispatcherOptions.SectionName;

    /// <summary>The most retries a schedule may list.</summary>
    public const int MaxScheduleSteps = 100;

    // Upper bounds keep every time the dispatcher adds to now representable, and catch a unit typed wrong.
    private static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxQuickRetryDelay = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MaxLease = TimeSpan.FromDays(1);

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MaxShutdownGrace = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxScheduleStep = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, DispatcherOptions options)
    {
        var errors = new List<string>();
        Between(errors, nameof(options.Workers), options.Workers, 1, 1024);
        Between(errors, nameof(options.ClaimBatchSize), options.ClaimBatchSize, 1, 10_000);
        Between(errors, nameof(options.WriteBatchSize), options.WriteBatchSize, 1, 10_000);
        Between(errors, nameof(options.PauseThreshold), options.PauseThreshold, 1, 100_000);
        Between(errors, nameof(options.WaitingMemoryMegabytes), options.WaitingMemoryMegabytes, 1, 16_384);
        var before = errors.Count;
        Between(errors, nameof(options.QuickRetries), options.QuickRetries, 0, 5);
        Between(
            errors,
            nameof(options.AttemptTimeout),
            options.AttemptTimeout,
            TimeSpan.FromMilliseconds(10),
            MaxAttemptTimeout);
        Between(errors, nameof(options.QuickRetryDelay), options.QuickRetryDelay, TimeSpan.Zero, MaxQuickRetryDelay);
        Between(errors, nameof(options.Lease), options.Lease, TimeSpan.FromSeconds(1), MaxLease);
        Between(
            errors,
            nameof(options.PollInterval),
            options.PollInterval,
            TimeSpan.FromMilliseconds(1),
            MaxPollInterval);
        Between(errors, nameof(options.ShutdownGrace), options.ShutdownGrace, TimeSpan.Zero, MaxShutdownGrace);

        // A lease shorter than one attempt with its quick retries would let a second dispatcher send it too. Only
        // worked out once the values it adds up are within their bounds: beyond them, the sum could overflow.
        if (errors.Count == before)
        {
            // The quick retries' waits double each time (exponential backoff): d + 2d + 4d + … = d × (2^n − 1).
            var waits = options.QuickRetryDelay * ((1 << options.QuickRetries) - 1);
            var longest = options.AttemptTimeout * (options.QuickRetries + 1) + waits;
            if (options.Lease <= longest + options.ShutdownGrace)
            {
                errors.Add($"{Section}:{nameof(options.Lease)} ({options.Lease}) must be longer than an attempt with "
                    + $"its quick retries plus {Section}:{nameof(options.ShutdownGrace)} "
                    + $"({longest + options.ShutdownGrace}).");
            }
        }

        var schedule = options.EffectiveSchedule;
        if (schedule.Count > MaxScheduleSteps)
        {
            errors.Add($"{Section}:{nameof(options.Schedule)} lists at most {MaxScheduleSteps} retries; "
                + $"it lists {schedule.Count}.");
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            Between(errors, $"{nameof(options.Schedule)}:{i}", schedule[i], TimeSpan.Zero, MaxScheduleStep);
        }

        for (var i = 0; i < options.AllowedPrivateNetworks.Length; i++)
        {
            if (!IPNetwork.TryParse(options.AllowedPrivateNetworks[i], out _))
            {
                errors.Add($"{Section}:{nameof(options.AllowedPrivateNetworks)}:{i} "
                    + $"('{options.AllowedPrivateNetworks[i]}') is not a CIDR range such as 127.0.0.0/8.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Between(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Section}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }

    private static void Between(List<string> errors, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Section}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }
}
