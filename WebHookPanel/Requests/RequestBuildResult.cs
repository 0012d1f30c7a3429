using System.Diagnostics.CodeAnalysis;

namespace WebHookPanel.Requests;

/// <summary>Either the request to send or the reason why none can be sent.</summary>
public sealed record RequestBuildResult
{
    private RequestBuildResult(BuiltRequest? request, string? error, bool eventAtFault)
    {
        Request = request;
        Error = error;
        EventAtFault = eventAtFault;
    }

    public BuiltRequest? Request { get; }

    /// <summary>Why the request cannot be built, e.g. <c>missing value for URI parameter 'userId'</c>.</summary>
    public string? Error { get; }

    /// <summary>
    /// Whether the event, not the hook, is why: a URI parameter without a value. Another event may well build.
    /// </summary>
    public bool EventAtFault { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Request is not null;

    public static RequestBuildResult Success(BuiltRequest request) =>
        new(request ?? throw new ArgumentNullException(nameof(request)), null, false);

    public static RequestBuildResult Failure(string error, bool eventAtFault = false) =>
        new(null, error ?? throw new ArgumentNullException(nameof(error)), eventAtFault);
}
