using System.Globalization;
using WebHookPanel.Validation;

namespace WebHookPanel.Api;

/// <summary>
/// Reads query-string values by hand, so that a bad one is answered with a problem naming the parameter and its
/// allowed values instead of the framework's binding exception.
/// </summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IResult Problem() =>
        TypedResults.ValidationProblem(_errors, title: "The query string has invalid values.");

    public TEnum? Enum<TEnum>(string name, string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // A repeated parameter arrives joined by commas: one filter value at a time, and said so.
        if (text.Contains(',', StringComparison.Ordinal))
        {
            _errors[name] = [$"'{text}' names more than one {name}; give one value, e.g. "
                + $"{name}={EnumNames<TEnum>.All[0]}."];

            return null;
        }

        if (EnumNames<TEnum>.TryRead(text, out var value))
        {
            return value;
        }

        _errors[name] = [$"'{text}' is not a known {name}; use one of {EnumNames<TEnum>.List}."];

        return null;
    }

    public bool Bool(string name, string? text)
    {
        if (string.IsNullOrEmpty(text) || bool.TryParse(text, out var value) && !value)
        {
            return false;
        }

        if (bool.TryParse(text, out _))
        {
            return true;
        }

        _errors[name] = [$"'{text}' is not a valid {name}; use true or false."];

        return false;
    }

    public int Int(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _errors[name] = [$"'{text}' is not a valid {name}; use a whole number from {min} to {max}."];

        return fallback;
    }

    /// <summary>
    /// A date (<c>2026-12-03</c>, a whole UTC day: its start, or its end when <paramref name="endOfDay"/> is set,
    /// so that a range of two dates includes both) or a date and time with an offset
    /// (<c>2026-12-03T10:15:00Z</c>).
    /// </summary>
    public DateTimeOffset? Time(string name, string? text, bool endOfDay = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return endOfDay ? UtcDay.End(day) : UtcDay.Start(day);
        }

        // An offset is required: a bare local time would mean different instants on different servers.
        if (DateTimeOffset.TryParseExact(
                text,
                ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var at)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal)))
        {
            return at;
        }

        // A '+' typed into a URL arrives as a space; say so rather than blame the format the person got right.
        var hint = text.Contains(' ', StringComparison.Ordinal)
            ? " A '+' before the offset must be written %2B in a URL."
            : "";
        _errors[name] = [$"'{text}' is not a valid {name}; use a date such as 2026-12-03 or a date and time with an "
            + $"offset such as 2026-12-03T10:15:00Z, between 0001-01-01 and 9999-12-31 in UTC.{hint}"];

        return null;
    }

    /// <summary>Adds messages about a value that parsed but breaks a rule (a range that runs backwards).</summary>
    public void Add(string name, IEnumerable<string> messages) => _errors[name] = [.. messages];
}
