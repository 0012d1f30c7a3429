using WebHookPanel.Data;

namespace WebHookPanel.Dispatching;

/// <summary>
/// An attempt as the columns of its row, made by the worker that sent it, so that the one writer thread only
/// writes: serializing header lists there cost as much as the insert itself.
/// </summary>
public sealed record AttemptRow(
    DateTimeOffset StartedAt,
    double DurationMs,
    string Method,
    string Url,
    string RequestHeaders,
    string? RequestBody,
    int? ResponseStatus,
    string ResponseHeaders,
    string? ResponseBody,
    string? Error,
    string Omitted)
{
    public static AttemptRow From(AttemptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        return new AttemptRow(
            record.StartedAt,
            record.Duration.TotalMilliseconds,
            record.Method,
            record.Url,
            AttemptColumns.Write(record.RequestHeaders),
            record.RequestBody,
            record.ResponseStatus,
            AttemptColumns.Write(record.ResponseHeaders),
            record.ResponseBody,
            record.Error,
            AttemptColumns.Write(record.Omitted));
    }
}
