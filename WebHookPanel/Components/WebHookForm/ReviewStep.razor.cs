using Microsoft.AspNetCore.Components;
using WebHookPanel.Dispatching;
using WebHookPanel.Requests;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.WebHookForm;

/// <summary>
/// The last step: the whole definition, its remaining errors and the request with sample values, signed as the
/// dispatcher would sign it, so that the sample lists every header a receiver gets.
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

    /// <summary>The saved hook, whose own secret signs the sample; null for a new hook (a throwaway secret).</summary>
    [Parameter]
    public int? WebHookId { get; set; }

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

        var signed = await Signer.SignAsync(request, Model, WebHookId, _sampleMessageId, CancellationToken.None);

        // A later keystroke may have resolved while this one waited for the hook's secret; the later one wins.
        if (resolving == _resolving)
        {
            _resolvedCurl = CurlFormatter.Format(signed, revealSecrets: false);
        }
    }
}
