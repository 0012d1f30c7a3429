using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Components.WebHookForm;

/// <summary>One value of the sample event on the review step: a URI parameter or an attribute a row names.</summary>
public sealed class SampleValue(string key, ValueSource? source, string name, string label, string value)
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["externalId"] = "42",
        ["userId"] = "42",
        ["email"] = "user42@example.com",
        ["msisdn"] = "905551112233",
        ["name"] = "Şule",
        ["surname"] = "Yılmaz",
        ["city"] = "İzmir",
        ["country"] = "TR",
        ["language"] = "tr",
        ["platform"] = "iOS",
        ["osVersion"] = "18.1",
        ["appVersion"] = "5.2.0",
        ["pushId"] = "p-77",
        ["buttonId"] = "buy",
        ["campaign"] = "winter sale",
        ["messageId"] = "m-1001",
        ["geofenceId"] = "g-12",
        ["transition"] = "enter",
    };

    public string Key { get; } = key;

    /// <summary>Null for a URI parameter.</summary>
    public ValueSource? Source { get; } = source;

    public string Name { get; } = name;

    public string Label { get; } = label;

    public string Value { get; set; } = value;

    /// <summary>A plausible sample value for an attribute or parameter of this name.</summary>
    public static string Plausible(string name) => Known.TryGetValue(name, out var known) ? known : $"sample-{name}";

    /// <summary>The samples the definition needs now, keeping values the user already typed.</summary>
    public static List<SampleValue> For(WebHookDefinition model, IReadOnlyList<SampleValue> previous)
    {
        var byKey = previous.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var samples = new List<SampleValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(ValueSource? source, string name, string label, string? fallback)
        {
            var key = $"{source?.ToString() ?? "Uri"}:{name}";
            if (name.Length == 0 || !seen.Add(key))
            {
                return;
            }

            var value = byKey.TryGetValue(key, out var old)
                ? old.Value
                : fallback ?? Plausible(name);
            samples.Add(new SampleValue(key, source, name, label, value));
        }

        foreach (var parameter in model.UriParameters)
        {
            var label = string.IsNullOrWhiteSpace(parameter.Label) ? parameter.Name : parameter.Label;
            Add(null, parameter.Name, $"{label} {{{parameter.Name}}}", parameter.Default);
        }

        foreach (var row in model.Headers.Concat(model.Parameters).Where(r => r.Source != ValueSource.Fixed))
        {
            Add(row.Source, row.Value, $"{WebHookLabels.Source(row.Source)} {row.Value}", null);
        }

        return samples;
    }

    public static WebHookEvent ToEvent(TriggerType trigger, IEnumerable<SampleValue> samples)
    {
        var evt = new WebHookEvent { Type = trigger, OccurredAt = DateTimeOffset.UnixEpoch };
        foreach (var sample in samples)
        {
            var target = sample.Source switch
            {
                ValueSource.Profile => evt.User,
                ValueSource.Device => evt.Device,
                ValueSource.Context => evt.Context,
                _ => evt.Params,
            };
            target[sample.Name] = sample.Value;
        }

        return evt;
    }
}
