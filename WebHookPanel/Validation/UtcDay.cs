namespace WebHookPanel.Validation;

/// <summary>
/// A date picked in a filter or form, read as a whole day in UTC like every time the panel shows. The calendar's
/// last day has no next day to end at, so its end is the last instant there is.
/// </summary>
public static class UtcDay
{
    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateTimeOffset Start(DateTime day) => Start(DateOnly.FromDateTime(day));

    /// <summary>The last instant of the day, so that a range ending on it includes the whole day.</summary>
    public static DateTimeOffset End(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : Start(day.AddDays(1)).AddTicks(-1);

    public static DateTimeOffset End(DateTime day) => End(DateOnly.FromDateTime(day));
}
