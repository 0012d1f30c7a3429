namespace WebHookPanel.WebHooks;

/// <summary>One header row or parameter row: key, value source and value.</summary>
public sealed class FieldRow
{
    public string Key { get; set; } = "";

    public ValueSource Source { get; set; } = ValueSource.Fixed;

    public string Value { get; set; } = "";

    /// <summary>Marks a fixed header value as a secret: masked wherever it is shown.</summary>
    public bool Secret { get; set; }

    public FieldRow Clone() => new() { Key = Key, Source = Source, Value = Value, Secret = Secret };
}
