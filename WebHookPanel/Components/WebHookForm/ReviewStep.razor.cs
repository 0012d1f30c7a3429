using Microsoft.AspNetCore.Components;
using WebHookPanel.Dispatching;
using WebHookPanel.Requests;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.WebHookForm;

/// <summary>
/// The last step: the whole definition, its remaining errors and the request with sample values, with every header
/// the dispatcher adds, so that the sample lists all that a receiver gets.
/// </summary>
public sealed partial class ReviewStep
{
    // One message id for the sample while the page is open: it would otherwise change with every keystroke.
    private readonly string _sampleMessageId = Delivery.NewMessageId();
    private List<SampleValue> _samples = [];
    private RequestBuildResult _resolved = RequestBuildResult.Failure("");
    private string _resolvedCurl = "";
    private int _resolving;

    [Inject]
    public required RequestBuilder Builder { get; init; }

    [Inject]
    public required RequestSigner Signer { get; init; }

    [Parameter, EditorRequired]
    public required WebHookDefinition Model { get; set; }

    [Parameter, EditorRequired]
    public required FormErrors Errors { get; set; }

    protected override Task OnParametersSetAsync()
    {
        _samples = SampleValue.For(Model, _samples);

        return ResolveAsync();
    }

    private Task SetSampleAsync(SampleValue sample, string? value)
    {
        sample.Value = value ?? "";

        return ResolveAsync();
    }

    private async Task ResolveAsync()
    {
        var resolving = ++_resolving;

        // An invalid definition can still be previewed; only what can be built is shown.
        _resolved = Errors.Has("Uri")
            ? RequestBuildResult.Failure("the URI has errors.")
            : Builder.Build(Model, SampleValue.ToEvent(Model.Trigger.Type, _samples));
        if (_resolved.Request is not { } request)
        {
            _resolvedCurl = "";

            return;
        }

        // Always a throwaway secret: a sample signed with the hook's own would be a request its receiver accepts,
        // made by anyone who may open the form and before any review.
        var signed = await Signer.SignAsync(request, Model, null, _sampleMessageId, CancellationToken.None);

        // A later keystroke may have resolved while this one waited for the hook's secret; the later one wins.
        if (resolving == _resolving)
        {
            _resolvedCurl = CurlFormatter.Format(signed, revealSecrets: false);
        }
    }
}
