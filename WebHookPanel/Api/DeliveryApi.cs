using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WebHookPanel.Dispatching;
using WebHookPanel.Events;

namespace WebHookPanel.Api;

/// <summary>The delivery log, replays, resuming and test sends of the admin API (DESIGN §5.3).</summary>
public static class DeliveryApi
{
    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .WithTags("Deliveries")
            .RequireAuthorization(ApiServiceCollectionExtensions.WebHooksAdminPolicy);

        api.MapGet("webhooks/{id:int}/deliveries", ListAsync)
            .Produces<DeliveryPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("deliveries/{id:long}/replay", ReplayAsync)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("webhooks/{id:int}/replay-dead", ReplayDeadAsync);
        api.MapPost("webhooks/{id:int}/resume", ResumeAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("webhooks/{id:int}/test", TestAsync).Accepts<TestSendRequest>("application/json");

        return endpoints;
    }

    // The query is read by hand, like the webhook list's, so that a bad value gets a message naming it.
    private static async Task<IResult> ListAsync(
        int id,
        string? status,
        string? page,
        string? pageSize,
        DeliveryCommands commands,
        CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var wanted = parameters.Enum<DeliveryStatus>("status", status);
        var number = parameters.Int("page", page, 1, 1, DeliveryCommands.MaxPage);
        var size = parameters.Int("pageSize", pageSize, DeliveryCommands.PageSize, 1, DeliveryCommands.MaxPageSize);
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }

        var result = await commands.ListAsync(id, wanted, number, size, cancellationToken);

        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    private static async Task<IResult> ReplayAsync(
        long id,
        DeliveryCommands commands,
        CancellationToken cancellationToken) =>
        await commands.ReplayAsync(id, cancellationToken) switch
        {
            ReplayResult.Replayed => TypedResults.Accepted((string?)null),
            ReplayResult.NotFound => TypedResults.NotFound(),
            ReplayResult.Held => TypedResults.Problem(
                detail: "The delivery is held while its webhook is paused; resume the webhook and it will be sent "
                    + "without a replay.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The delivery is held."),
            _ => TypedResults.Problem(
                detail: "The delivery is still pending or in flight; it will be sent without a replay.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The delivery is not finished."),
        };

    private static async Task<Results<Accepted<ReplayDeadResponse>, NotFound>> ReplayDeadAsync(
        int id,
        DeliveryCommands commands,
        CancellationToken cancellationToken)
    {
        var replayed = await commands.ReplayDeadAsync(id, cancellationToken);

        return replayed is { } count
            ? TypedResults.Accepted((string?)null, new ReplayDeadResponse(count))
            : TypedResults.NotFound();
    }

    private static async Task<IResult> ResumeAsync(
        int id,
        ClaimsPrincipal user,
        DeliveryCommands commands,
        CancellationToken cancellationToken) =>
        await commands.ResumeAsync(id, user, cancellationToken) switch
        {
            ResumeOutcome.Resumed => TypedResults.NoContent(),
            ResumeOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(
                detail: "No version of this webhook was approved yet, so there is nothing to send; approve one first.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The webhook has no version in force."),
        };

    private static async Task<IResult> TestAsync(
        int id,
        HttpRequest request,
        DeliveryCommands commands,
        EventIntake intake,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<TestSendRequest>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (body.Event is not { } evt)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["event"] = ["Send the event to test with in \"event\"."] },
                title: "The test request is incomplete.");
        }

        // The rules of POST /api/events, but the time may be left out: no request is built from it, so a test
        // takes the time it is sent, as the browser's test dialog does.
        evt.OccurredAt ??= timeProvider.GetUtcNow();
        var errors = intake.Validate(evt).Errors
            .GroupBy(f => f.PropertyName)
            .ToDictionary(
                f => $"event.{ValidationProblems.JsonPath(f.Key)}",
                f => f.Select(e => e.ErrorMessage).ToArray(),
                StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The test event has invalid fields.");
        }

        var result = await commands.TestSendAsync(id, evt.ToEvent(evt.Id), cancellationToken, body.Version);
        if (!result.Found)
        {
            return TypedResults.NotFound();
        }

        return result.Sent
            ? TypedResults.Ok(result.Attempt)
            : TypedResults.Problem(
                detail: result.Error,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The event cannot be sent with this webhook.");
    }
}
