using System.Text.Json.Nodes;

namespace WebHookPanel.Tests.Cases;

/// <summary>What a case expects: a built request (200), validation errors (400) or a build failure (422).</summary>
public sealed record PreviewExpectation
{
    public int Status { get; init; }

    public string? Method { get; init; }

    public string? Url { get; init; }

    /// <summary>Name and value pairs that must be among the request's headers.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Headers { get; init; } = [];

    /// <summary>Header names that must not be sent.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Header or parameter keys, each of which some omitted entry must name.</summary>
    public IReadOnlyList<string> Omitted { get; init; } = [];

    public bool? BodyNull { get; init; }

    public JsonObject? BodyJson { get; init; }

    public IReadOnlyList<IReadOnlyList<string>>? BodyForm { get; init; }

    /// <summary>camelCased paths, e.g. <c>headers[1].key</c>, that must each have an error.</summary>
    public IReadOnlyList<string> ErrorFields { get; init; } = [];

    public string? DetailContains { get; init; }
}
