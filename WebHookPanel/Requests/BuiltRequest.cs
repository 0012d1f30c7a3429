namespace WebHookPanel.Requests;

/// <summary>The request that a hook sends for one event, exactly as it goes on the wire.</summary>
public sealed record BuiltRequest
{
    public required string Method { get; init; }

    public required string Url { get; init; }

    /// <summary>Every header in sending order, <c>User-Agent</c> and <c>Content-Type</c> included.</summary>
    public required IReadOnlyList<RequestHeader> Headers { get; init; }

    /// <summary>The exact body text (sent as UTF-8), or null for a method without a body.</summary>
    public string? Body { get; init; }

    /// <summary>The <c>Content-Type</c> among <see cref="Headers"/>, or null when there is no body.</summary>
    public string? ContentType { get; init; }

    /// <summary>Rows left out of the request, each as <c>key: reason</c>.</summary>
    public required IReadOnlyList<string> Omitted { get; init; }
}
