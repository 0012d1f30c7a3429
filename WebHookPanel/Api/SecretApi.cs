using System.Security.Claims;
using WebHookPanel.Secrets;

namespace WebHookPanel.Api;

/// <summary>
/// Revealing a secret header value or the signing secret, and rotating the signing secret: the API twin of the
/// hook page's buttons. Each answer is audited; a caller who may not reveal secrets gets 403 and nothing else.
/// </summary>
public static class SecretApi
{
    public static IEndpointRouteBuilder MapSecretApi(this IEndpointRouteBuilder endpoints)
    {
        var hooks = endpoints.MapGroup("/api/webhooks/{id:int}")
            .WithTags("Secrets")
            .RequireAuthorization(ApiServiceCollectionExtensions.WebHooksAdminPolicy);

        hooks.MapPost("secrets/reveal", RevealHeaderAsync).Accepts<RevealHeaderRequest>("application/json");
        hooks.MapPost("signing-secret/reveal", RevealSigningSecretAsync);
        hooks.MapPost("signing-secret/rotate", RotateSigningSecretAsync);

        return endpoints;
    }

    private static async Task<IResult> RevealHeaderAsync(
        int id,
        HttpRequest request,
        ClaimsPrincipal user,
        SecretAccess access,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<RevealHeaderRequest>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.Header))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["header"] = ["Name the secret header to reveal, e.g. { \"header\": \"X-Api-Key\" }."],
                },
                title: "The header to reveal is missing.");
        }

        var revealed = await access.RevealHeaderAsync(user, id, body.Header, cancellationToken);

        return Answer(revealed.Result, () => TypedResults.Ok(new RevealedHeader(body.Header, revealed.Value!)));
    }

    private static async Task<IResult> RevealSigningSecretAsync(
        int id,
        ClaimsPrincipal user,
        SecretAccess access,
        CancellationToken cancellationToken)
    {
        var revealed = await access.RevealSigningSecretAsync(user, id, cancellationToken);

        return Answer(revealed.Result, () => TypedResults.Ok(new RevealedSigningSecret(revealed.Value!)));
    }

    private static async Task<IResult> RotateSigningSecretAsync(
        int id,
        ClaimsPrincipal user,
        SecretAccess access,
        CancellationToken cancellationToken) =>
        Answer(await access.RotateSigningSecretAsync(user, id, cancellationToken), TypedResults.NoContent);

    private static IResult Answer(SecretAccessResult result, Func<IResult> done) => result switch
    {
        SecretAccessResult.Done => done(),
        SecretAccessResult.Refused => TypedResults.Problem(
            detail: "Only admins may reveal or rotate secrets.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed."),
        SecretAccessResult.Unreadable => TypedResults.Problem(
            detail: SecretAccess.UnreadableMessage,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The stored secret cannot be read."),
        _ => TypedResults.Problem(
            detail: "There is no such webhook, or no secret header of that name on its latest version.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found."),
    };
}
