namespace WebHookPanel.Catalog;

/// <summary>The three catalogs a row value can be chosen from, one per non-fixed value source.</summary>
public enum AttributeKind
{
    Profile,
    Device,
    Context,
}
