namespace WebHookPanel.Dispatching;

/// <summary>What one HTTP exchange sent and got back, secrets masked and the response body cut at 4 KiB.</summary>
public sealed record AttemptRecord
{
    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required string Method { get; init; }

    public required string Url { get; init; }

    public required IReadOnlyList<AttemptHeader> RequestHeaders { get; init; }

    public string? RequestBody { get; init; }

    /// <summary>The status code, or null when no response came (network error, timeout, unbuildable request).</summary>
    public int? ResponseStatus { get; init; }

    public IReadOnlyList<AttemptHeader> ResponseHeaders { get; init; } = [];

    public string? ResponseBody { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> Omitted { get; init; } = [];
}
