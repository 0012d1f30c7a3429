using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Cases;

/// <summary>One preview case: a hook, an event and what the preview API should answer.</summary>
public sealed record PreviewCase(
    string Id,
    string? Why,
    WebHookDefinition Webhook,
    WebHookEvent Event,
    PreviewExpectation Expect);
