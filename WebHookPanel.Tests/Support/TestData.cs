using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Support;

/// <summary>Small builders for hooks and events, so that each test shows only what it is about.</summary>
internal static class TestData
{
    public static WebHookDefinition Hook(
        string uri = "https://x.example.com/hook",
        WebHookMethod method = WebHookMethod.GET,
        BodyEncoding encoding = BodyEncoding.Json) => new()
        {
            Name = "Test hook",
            Uri = uri,
            Method = method,
            BodyEncoding = encoding,
        };

    public static FieldRow Row(string key, ValueSource source, string value, bool secret = false) =>
        new() { Key = key, Source = source, Value = value, Secret = secret };

    public static FieldRow Fixed(string key, string value, bool secret = false) =>
        Row(key, ValueSource.Fixed, value, secret);

    public static UriParameter Parameter(string name, string? defaultValue = null) =>
        new() { Name = name, Label = $"Label {name}", Default = defaultValue };

    public static WebHookEvent Event(
        Dictionary<string, string?>? user = null,
        Dictionary<string, string?>? device = null,
        Dictionary<string, string?>? context = null,
        Dictionary<string, string?>? parameters = null) => new()
        {
            Type = TriggerType.PushClick,
            User = user ?? [],
            Device = device ?? [],
            Context = context ?? [],
            Params = parameters ?? [],
        };
}
