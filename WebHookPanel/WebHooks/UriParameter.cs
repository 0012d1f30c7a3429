namespace WebHookPanel.WebHooks;

/// <summary>One distinct braced name of a URI template, with the label a marketer sees.</summary>
public sealed class UriParameter
{
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public string? Default { get; set; }

    public UriParameter Clone() => new() { Name = Name, Label = Label, Default = Default };
}
