namespace WebHookPanel.Components.Pages.Simulator;

/// <summary>One key and value of a simulated event's user, device, context or params.</summary>
public sealed class SampleRow(string key = "", string value = "")
{
    public string Key { get; set; } = key;

    public string Value { get; set; } = value;
}
