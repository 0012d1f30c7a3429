using System.Net;
using Microsoft.Extensions.Options;

namespace WebHookPanel.Dispatching;

/// <summary>Refuses to start with settings that could not work, naming each setting that is wrong.</summary>
public sealed class DispatcherOptionsValidator : IValidateOptions<DispatcherOptions>
{
    private const string Section = DispatcherOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DispatcherOptions options)
    {
        var errors = new List<string>();
        Positive(errors, nameof(options.Workers), options.Workers, 1024);
        Positive(errors, nameof(options.ClaimBatchSize), options.ClaimBatchSize, 10_000);
        Positive(errors, nameof(options.WriteBatchSize), options.WriteBatchSize, 10_000);
        Positive(errors, nameof(options.PauseThreshold), options.PauseThreshold, 100_000);
        Longer(errors, nameof(options.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromMilliseconds(10));
        Longer(errors, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(1));
        Longer(errors, nameof(options.Lease), options.Lease, TimeSpan.FromSeconds(1));
        if (options.QuickRetries is < 0 or > 5)
        {
            errors.Add($"{Section}:{nameof(options.QuickRetries)} must be between 0 and 5.");
        }

        if (options.QuickRetryDelay < TimeSpan.Zero || options.ShutdownGrace < TimeSpan.Zero)
        {
            errors.Add($"{Section}:{nameof(options.QuickRetryDelay)} and {Section}:{nameof(options.ShutdownGrace)} "
                + "cannot be negative.");
        }

        // A lease shorter than one attempt with its quick retries would let a second dispatcher send it too.
        var longest = (options.AttemptTimeout + options.QuickRetryDelay) * (options.QuickRetries + 1);
        if (options.Lease <= longest + options.ShutdownGrace)
        {
            errors.Add($"{Section}:{nameof(options.Lease)} ({options.Lease}) must be longer than an attempt with its "
                + $"quick retries plus {Section}:{nameof(options.ShutdownGrace)} ({longest + options.ShutdownGrace}).");
        }

        var schedule = options.EffectiveSchedule;
        for (var i = 0; i < schedule.Count; i++)
        {
            if (schedule[i] < TimeSpan.Zero)
            {
                errors.Add($"{Section}:{nameof(options.Schedule)}:{i} cannot be negative.");
            }
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

    private static void Positive(List<string> errors, string setting, int value, int max)
    {
        if (value < 1 || value > max)
        {
            errors.Add($"{Section}:{setting} must be between 1 and {max}; it is {value}.");
        }
    }

    private static void Longer(List<string> errors, string setting, TimeSpan value, TimeSpan min)
    {
        if (value < min)
        {
            errors.Add($"{Section}:{setting} must be at least {min}; it is {value}.");
        }
    }
}
