using Microsoft.AspNetCore.Components;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.WebHookForm;

/// <summary>One header or parameter row. Re-renders only when its own row, place or messages changed.</summary>
public sealed partial class FieldRowEditor
{
    private RowSnapshot? _rendered;

    [Parameter, EditorRequired]
    public required FieldRow Row { get; set; }

    [Parameter, EditorRequired]
    public int Index { get; set; }

    /// <summary>"header" or "parameter": names test ids and aria labels.</summary>
    [Parameter, EditorRequired]
    public required string Kind { get; set; }

    [Parameter]
    public bool IsHeader { get; set; }

    [Parameter]
    public bool IsFirst { get; set; }

    [Parameter]
    public bool IsLast { get; set; }

    [Parameter]
    public TriggerType Trigger { get; set; }

    /// <summary>The saved hook being edited, for revealing a stored secret; null while creating one.</summary>
    [Parameter]
    public int? WebHookId { get; set; }

    [Parameter]
    public string? KeyError { get; set; }

    [Parameter]
    public string? ValueError { get; set; }

    [Parameter]
    public bool ShowAllErrors { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Parameter]
    public EventCallback OnRemove { get; set; }

    [Parameter]
    public EventCallback OnMoveUp { get; set; }

    [Parameter]
    public EventCallback OnMoveDown { get; set; }

    private string KindLabel => IsHeader ? "Header" : "Parameter";

    private bool IsSecretByName => SecretHeaderRule.IsSecret(Row.Key ?? "", false);

    private bool IsSecret => Row.Secret || IsSecretByName;

    private string SecretTooltip => IsSecretByName
        ? "Always secret: the header's name says it carries a credential"
        : "Secret: stored encrypted, masked wherever it is shown";

    private string AttributeLabel => Row.Source switch
    {
        ValueSource.Profile => "Profile attribute",
        ValueSource.Device => "Device attribute",
        _ => "Context key",
    };

    protected override bool ShouldRender()
    {
        // The page re-renders every row on each keystroke anywhere; only the changed row needs its markup again.
        var current = Snapshot();
        if (current == _rendered)
        {
            return false;
        }

        _rendered = current;

        return true;
    }

    private RowSnapshot Snapshot() => new(
        Row.Key,
        Row.Source,
        Row.Value,
        Row.Secret,
        Index,
        IsFirst,
        IsLast,
        Trigger,
        WebHookId,
        KeyError,
        ValueError,
        ShowAllErrors);

    private Task SetKeyAsync(string value)
    {
        Row.Key = value;
        if (IsHeader && !Row.Secret && Row.Source == ValueSource.Fixed && SecretHeaderRule.IsSecret(value, false))
        {
            Row.Secret = true;
        }

        return OnChanged.InvokeAsync();
    }

    private Task SetSourceAsync(ValueSource source)
    {
        Row.Source = source;
        if (IsHeader && source == ValueSource.Fixed && IsSecretByName)
        {
            Row.Secret = true;
        }

        return OnChanged.InvokeAsync();
    }

    private Task SetValueAsync(string? value)
    {
        Row.Value = value ?? "";

        return OnChanged.InvokeAsync();
    }

    private Task SetSecretAsync(bool secret)
    {
        Row.Secret = secret;

        return OnChanged.InvokeAsync();
    }

    private sealed record RowSnapshot(
        string Key,
        ValueSource Source,
        string Value,
        bool Secret,
        int Index,
        bool IsFirst,
        bool IsLast,
        TriggerType Trigger,
        int? WebHookId,
        string? KeyError,
        string? ValueError,
        bool ShowAllErrors);
}
