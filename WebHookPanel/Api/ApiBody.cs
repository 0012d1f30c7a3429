using System.Text.Json;

namespace WebHookPanel.Api;

/// <summary>
/// Reads a JSON body by hand instead of through parameter binding, so that a malformed body is answered with
/// problem details naming the field that could not be read, rather than a bare 400.
/// </summary>
public static class ApiBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request,
        CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength == 0)
        {
            return (null, Missing());
        }

        // Kestrel enforces the endpoint's size limit on the stream too; a declared length is refused before reading.
        if (request.ContentLength > WebHookApi.MaxBodyBytes)
        {
            return (null, TypedResults.Problem(
                detail: $"The body is {request.ContentLength} bytes; send at most {WebHookApi.MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request body is too large."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, PanelJson.Options, cancellationToken);

            return value is null ? (null, Missing()) : (value, null);
        }
        catch (JsonException exception)
        {
            var (field, message) = JsonReadError.Of(exception);
            var errors = new Dictionary<string, string[]> { [field] = [message] };

            return (null, TypedResults.ValidationProblem(errors, title: "The request body is not valid JSON."));
        }
    }

    private static IResult Missing() =>
        TypedResults.Problem(
            detail: "Send a JSON object in the request body.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request has no body.");
}
