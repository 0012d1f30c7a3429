using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>The review page's API twin: what changed, and an admin's approval or rejection (DESIGN §6).</summary>
public static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder endpoints)
    {
        var hooks = endpoints.MapGroup("/api/webhooks")
            .WithTags("Review")
            .RequireAuthorization(ApiServiceCollectionExtensions.WebHooksAdminPolicy);

        hooks.MapGet("{id:int}/review", GetAsync);
        hooks.MapPost("{id:int}/approve", ApproveAsync)
            .Accepts<ReviewRequest>("application/json")
            .Produces<WebHookResource>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("{id:int}/reject", RejectAsync)
            .Accepts<ReviewRequest>("application/json")
            .Produces<WebHookResource>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Ok<ReviewResponse>, NotFound>> GetAsync(
        int id,
        ReviewStore reviews,
        CancellationToken cancellationToken)
    {
        var material = await reviews.FindAsync(id, cancellationToken);

        return material is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ReviewResponse(
                id,
                material.Review.Version,
                material.Hook.ActiveVersion,
                material.Review,
                material.Changes));
    }

    private static Task<IResult> ApproveAsync(
        int id,
        HttpRequest request,
        ClaimsPrincipal user,
        WebHookCommands commands,
        WebHookStore store,
        CancellationToken cancellationToken) =>
        DecideAsync(id, request, store, cancellationToken, (version, comment) =>
            commands.ApproveAsync(id, version, comment, user, cancellationToken));

    private static Task<IResult> RejectAsync(
        int id,
        HttpRequest request,
        ClaimsPrincipal user,
        WebHookCommands commands,
        WebHookStore store,
        CancellationToken cancellationToken) =>
        DecideAsync(id, request, store, cancellationToken, (version, comment) =>
            commands.RejectAsync(id, version, comment, user, cancellationToken));

    private static async Task<IResult> DecideAsync(
        int id,
        HttpRequest request,
        WebHookStore store,
        CancellationToken cancellationToken,
        Func<int, string?, Task<ReviewResult>> decide)
    {
        var (body, problem) = await ApiBody.ReadAsync<ReviewRequest>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (body.Version is not { } version)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["version"] = ["Send the version you reviewed in \"version\": the review's pendingVersion."],
                },
                title: "The review request is incomplete.");
        }

        var result = await decide(version, body.Comment);

        return result.Kind switch
        {
            ReviewResultKind.Done => TypedResults.Ok(SecretMask.Apply(await store.FindAsync(id, cancellationToken))),
            ReviewResultKind.NotFound => TypedResults.NotFound(),
            ReviewResultKind.Forbidden => TypedResults.Problem(
                detail: result.Message,
                statusCode: StatusCodes.Status403Forbidden,
                title: "The review was refused."),
            ReviewResultKind.NotPending => Results.ValidationProblem(
                ValidationProblems.Errors(result.Errors),
                detail: result.Message,
                statusCode: StatusCodes.Status409Conflict,
                title: "The version no longer waits for review."),
            _ => ValidationProblems.From(result.Errors, "The review has invalid fields."),
        };
    }
}
