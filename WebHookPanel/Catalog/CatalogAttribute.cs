using WebHookPanel.WebHooks;

namespace WebHookPanel.Catalog;

/// <summary>A known profile attribute, device attribute or event context key that a row value can name.</summary>
public sealed class CatalogAttribute
{
    public int Id { get; set; }

    public AttributeKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>For context keys: the trigger type whose events carry the key; null where every event has it.</summary>
    public TriggerType? TriggerType { get; set; }
}
