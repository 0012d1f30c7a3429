namespace WebHookPanel.Api;

/// <summary>The answer to <c>POST /api/events</c>: the ids of the events, in the order they were posted.</summary>
public sealed record EventsAccepted(IReadOnlyList<string> Ids);
