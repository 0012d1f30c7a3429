using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Requests;

/// <summary>Row values taken from the triggering event, as the dispatcher sends them.</summary>
internal sealed class EventRowValues(WebHookEvent evt) : IRowValueResolver
{
    public RowValue Resolve(FieldRow row)
    {
        var name = row.Value ?? "";
        var (values, missing) = row.Source switch
        {
            ValueSource.Profile => (evt.User, "profile attribute"),
            ValueSource.Device => (evt.Device, "device attribute"),
            ValueSource.Context => (evt.Context, "context key"),
            _ => (null, null),
        };
        if (missing is null)
        {
            return RowValue.Of(name);
        }

        if (values is not null && values.TryGetValue(name, out var value) && value is not null)
        {
            return RowValue.Of(value);
        }

        return new(null, false, $"{missing} '{name}' is missing");
    }
}
