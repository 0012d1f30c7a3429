using WebHookPanel.WebHooks;

namespace WebHookPanel.Requests;

/// <summary>Where <see cref="RequestBuilder"/> takes the values of field rows from: an event or placeholders.</summary>
internal interface IRowValueResolver
{
    RowValue Resolve(FieldRow row);
}
