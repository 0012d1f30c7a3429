using System.Diagnostics.CodeAnalysis;

namespace WebHookPanel.Dispatching;

/// <summary>The attempt of a test send, or why there was none.</summary>
public sealed record TestSendResult(bool Found, AttemptRecord? Attempt, string? Error)
{
    [MemberNotNullWhen(true, nameof(Attempt))]
    public bool Sent => Attempt is not null;
}
