using System.Text.Json;
using WebHookPanel.Events;

namespace WebHookPanel.Api;

/// <summary><c>POST /api/events</c> (DESIGN §5.1): one event or an array, stored with their deliveries.</summary>
public static class EventApi
{
    public const int MaxBodyBytes = 1024 * 1024;

    public const int MaxEvents = 1000;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static IEndpointRouteBuilder MapEventApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/events", PostAsync)
            .WithTags("Events")
            .Accepts<IncomingEvent[]>("application/json")
            .RequireAuthorization(ApiServiceCollectionExtensions.EventsWritePolicy);

        return endpoints;
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request,
        EventIntake intake,
        CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(request, cancellationToken);
        if (body is null)
        {
            return TooLarge($"The body is larger than {MaxBodyBytes:N0} bytes.");
        }

        var (events, isArray, problem) = Parse(body);
        if (problem is not null)
        {
            return problem;
        }

        if (events.Count > MaxEvents)
        {
            return TooLarge($"A batch holds at most {MaxEvents:N0} events; this one has {events.Count:N0}.");
        }

        var errors = Validate(events, isArray, intake);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The events have invalid fields.");
        }

        var valid = events.Select(e => e!).ToList();
        var repeated = EventIntake.FindRepeatedIds(valid);
        if (repeated.Count > 0)
        {
            return TypedResults.ValidationProblem(
                repeated.ToDictionary(
                    r => $"[{r.Index}].id",
                    r => new[] { $"Event [{r.Earlier}] of this batch has the same id with other content; give each "
                        + "event its own id." }),
                title: "The batch uses an id for two different events.");
        }

        var reused = await intake.FindReusedIdsAsync(valid, cancellationToken);
        if (reused.Count > 0)
        {
            return Reused(reused, isArray);
        }

        IReadOnlyList<string> ids;
        try
        {
            ids = await intake.IngestAsync(valid, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Problem(
                detail: exception.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The panel is shutting down.");
        }

        return TypedResults.Accepted((string?)null, new EventsAccepted(ids));
    }

    // Null when the body is over the limit; read whole before parsing, so a huge body never becomes objects.
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static (List<IncomingEvent?> Events, bool IsArray, IResult? Problem) Parse(byte[] body)
    {
        // A UTF-8 byte order mark may come first, as some clients write one; the JSON reader does not skip it.
        var json = body.AsSpan();
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        var first = json.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            return ([], false, TypedResults.Problem(
                detail: "Send one event as a JSON object, or an array of events.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request has no body."));
        }

        try
        {
            if (json[first] == (byte)'[')
            {
                var many = JsonSerializer.Deserialize<List<IncomingEvent?>>(json, PanelJson.Options) ?? [];

                return (many, true, many.Count == 0 ? Invalid("body", "Send at least one event.") : null);
            }

            var one = JsonSerializer.Deserialize<IncomingEvent>(json, PanelJson.Options);

            return ([one], false, one is null ? Invalid("body", "Send an event object, not null.") : null);
        }
        catch (JsonException exception)
        {
            var (field, message) = JsonReadError.Of(exception);

            return ([], false, Invalid(field, message));
        }
    }

    private static Dictionary<string, string[]> Validate(
        List<IncomingEvent?> events,
        bool isArray,
        EventIntake intake)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var prefix = isArray ? $"[{i}]" : "";
            if (events[i] is not { } evt)
            {
                errors[prefix] = ["An event cannot be null."];
                continue;
            }

            foreach (var failure in intake.Validate(evt).Errors.GroupBy(f => f.PropertyName))
            {
                var field = ValidationProblems.JsonPath(failure.Key);
                errors[isArray ? $"{prefix}.{field}" : field] = [.. failure.Select(f => f.ErrorMessage)];
            }
        }

        return errors;
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: "The request body is not valid.");

    private static IResult Reused(IReadOnlyList<int> reused, bool isArray)
    {
        var errors = reused.ToDictionary(
            i => isArray ? $"[{i}].id" : "id",
            _ => new[] { "This id was already used for a different event; send that event's content to repeat it, "
                + "or give this event a new id." });

        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status409Conflict,
            Title = "An event id was already used for a different event.",
            Detail = "An id names one event: the same event sent again is accepted once, other content is refused.",
        });
    }

    private static IResult TooLarge(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request is too large.");
}
