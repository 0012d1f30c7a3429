using WebHookPanel.WebHooks;

namespace WebHookPanel.Requests;

/// <summary>Row values of the template sample: fixed text as it is, event values as <c>${source.name}</c>.</summary>
internal sealed class PlaceholderRowValues : IRowValueResolver
{
    public static readonly PlaceholderRowValues Instance = new();

    private PlaceholderRowValues()
    {
    }

    public RowValue Resolve(FieldRow row)
    {
        var name = row.Value ?? "";
        var source = row.Source switch
        {
            ValueSource.Profile => "profile",
            ValueSource.Device => "device",
            ValueSource.Context => "context",
            _ => null,
        };

        return source is null ? RowValue.Of(name) : new("${" + source + "." + name + "}", true, null);
    }
}
