using Microsoft.AspNetCore.Components;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.WebHookForm;

/// <summary>The last step: the whole definition, its remaining errors and the request with sample values.</summary>
public sealed partial class ReviewStep
{
    private List<SampleValue> _samples = [];
    private RequestBuildResult _resolved = RequestBuildResult.Failure("");
    private string _resolvedCurl = "";

    [Inject]
    public required RequestBuilder Builder { get; init; }

    [Parameter, EditorRequired]
    public required WebHookDefinition Model { get; set; }

    [Parameter, EditorRequired]
    public required FormErrors Errors { get; set; }

    protected override void OnParametersSet()
    {
        _samples = SampleValue.For(Model, _samples);
        Resolve();
    }

    private void SetSample(SampleValue sample, string? value)
    {
        sample.Value = value ?? "";
        Resolve();
    }

    private void Resolve()
    {
        // An invalid definition can still be previewed; only what can be built is shown.
        _resolved = Errors.Has("Uri")
            ? RequestBuildResult.Failure("the URI has errors.")
            : Builder.Build(Model, SampleValue.ToEvent(Model.Trigger.Type, _samples));
        _resolvedCurl = _resolved.Request is { } request ? CurlFormatter.Format(request, revealSecrets: false) : "";
    }
}
