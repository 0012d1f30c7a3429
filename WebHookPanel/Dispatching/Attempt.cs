namespace WebHookPanel.Dispatching;

/// <summary>One logged HTTP exchange of a delivery. Written once, never changed.</summary>
public sealed class Attempt
{
    private Attempt()
    {
    }

    public long Id { get; private set; }

    public long DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public double DurationMs { get; private set; }

    public string RequestMethod { get; private set; } = "";

    public string RequestUrl { get; private set; } = "";

    public IReadOnlyList<AttemptHeader> RequestHeaders { get; private set; } = [];

    public string? RequestBody { get; private set; }

    public int? ResponseStatus { get; private set; }

    public IReadOnlyList<AttemptHeader> ResponseHeaders { get; private set; } = [];

    public string? ResponseBody { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> Omitted { get; private set; } = [];

    public AttemptRecord ToRecord() => new()
    {
        StartedAt = StartedAt,
        Duration = TimeSpan.FromMilliseconds(DurationMs),
        Method = RequestMethod,
        Url = RequestUrl,
        RequestHeaders = RequestHeaders,
        RequestBody = RequestBody,
        ResponseStatus = ResponseStatus,
        ResponseHeaders = ResponseHeaders,
        ResponseBody = ResponseBody,
        Error = Error,
        Omitted = Omitted,
    };
}
