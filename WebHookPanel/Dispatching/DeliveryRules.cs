using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using WebHookPanel.Events;

namespace WebHookPanel.Dispatching;

/// <summary>The status rules and the retry schedule of DESIGN §5.2.</summary>
public static class DeliveryRules
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromDays(1);

    public static OutcomeKind Classify(int status) => status switch
    {
        >= 200 and < 300 => OutcomeKind.Succeeded,
        410 => OutcomeKind.Gone,
        408 or 425 or 429 or (>= 500 and < 600) => OutcomeKind.Retry,
        _ => OutcomeKind.Failed,
    };

    /// <summary>How long a 429 or 503 asks us to wait, in seconds or as a date; capped at a day.</summary>
    public static TimeSpan? RetryAfter(HttpStatusCode status, RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || header is null)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - now : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > LongestRetryAfter ? LongestRetryAfter : value;
    }

    /// <summary>
    /// How long a 429 or 503 asks us to wait, read from the response's headers; capped at a day. Unlike the parsed
    /// header alone, this also reads a number of seconds too large for the parser: that still asks for at least a
    /// day, so it waits a day instead of being ignored.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpStatusCode status, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (RetryAfter(status, headers.RetryAfter, now) is { } parsed)
        {
            return parsed;
        }

        if (status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || !headers.NonValidated.TryGetValues("Retry-After", out var values)
            || values.Count != 1)
        {
            return null;
        }

        return Seconds(values.ToString().Trim());
    }

    /// <summary>The wait before the next try, or null when the schedule is used up and the delivery is dead.</summary>
    /// <param name="schedule">The waits, one per retry.</param>
    /// <param name="step">How many retries were already scheduled.</param>
    /// <param name="retryAfter">The receiver's wish, which the wait never undercuts.</param>
    public static TimeSpan? NextDelay(IReadOnlyList<TimeSpan> schedule, int step, TimeSpan? retryAfter)
    {
        if (step < 0 || step >= schedule.Count)
        {
            return null;
        }

        var wait = schedule[step];

        return retryAfter is { } asked && asked > wait ? asked : wait;
    }

    public static bool Matches(TriggerTarget target, WebHookEvent evt) =>
        target.Type == evt.Type
        && (string.IsNullOrWhiteSpace(target.Filter)
            || string.Equals(target.Filter, evt.Code, StringComparison.Ordinal));

    // The parser stops at ten digits and at int.MaxValue; leading zeros count towards its ten.
    private static TimeSpan? Seconds(string value)
    {
        if (value.Length == 0 || !value.All(char.IsAsciiDigit))
        {
            return null;
        }

        var significant = value.TrimStart('0');
        if (significant.Length > 6)
        {
            // Seven digits are more seconds than a day has, whatever they are.
            return LongestRetryAfter;
        }

        var seconds = significant.Length == 0 ? 0 : int.Parse(significant, CultureInfo.InvariantCulture);

        return TimeSpan.FromSeconds(Math.Min(seconds, LongestRetryAfter.TotalSeconds));
    }
}
