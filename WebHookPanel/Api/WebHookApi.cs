using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WebHookPanel.Accounts;
using WebHookPanel.Dispatching;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>
/// The admin API twin of the webhook pages (DESIGN §5.3). Secret header values are answered as the mask, and the
/// mask (or no value) sent back keeps the stored one.
/// </summary>
public static class WebHookApi
{
    /// <summary>A hook at its limits of rows and lengths fits well within this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWebHookApi(this IEndpointRouteBuilder endpoints)
    {
        var hooks = endpoints.MapGroup("/api/webhooks")
            .WithTags("WebHooks")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireAuthorization(ApiServiceCollectionExtensions.WebHooksAdminPolicy);

        hooks.MapGet("", ListAsync).Produces<WebHookListResponse>();
        hooks.MapGet("{id:int}", GetAsync);
        hooks.MapPost("", CreateAsync).Accepts<WebHookResource>("application/json");
        hooks.MapPut("{id:int}", ReplaceAsync).Accepts<WebHookResource>("application/json");
        hooks.MapDelete("{id:int}", DeleteAsync);
        hooks.MapPost("preview", PreviewAsync).Accepts<PreviewRequest>("application/json");

        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        WebHookStore store,
        string? search,
        string? trigger,
        string? status,
        string? review,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var query = new WebHookQuery(
            search,
            parameters.Enum<TriggerType>("trigger", trigger),
            parameters.Enum<WebHookStatus>("status", status),
            parameters.Int("page", page, 1, 1, WebHookQuery.MaxPage),
            parameters.Int("pageSize", pageSize, 20, 1, WebHookQuery.MaxPageSize),
            parameters.Enum<ReviewState>("review", review));
        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }

        var result = await store.ListAsync(query, cancellationToken);

        return TypedResults.Ok(new WebHookListResponse(result.Items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<WebHookResource>, NotFound>> GetAsync(
        int id,
        WebHookStore store,
        CancellationToken cancellationToken)
    {
        var hook = await store.FindAsync(id, cancellationToken);

        return hook is null ? TypedResults.NotFound() : TypedResults.Ok(SecretMask.Apply(hook));
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request,
        ClaimsPrincipal user,
        WebHookCommands commands,
        WebHookStore store,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<WebHookResource>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var result = await commands.CreateAsync(body, user, cancellationToken, body.Status);
        if (result.Forbidden)
        {
            return TypedResults.Problem(
                detail: result.Message,
                statusCode: StatusCodes.Status403Forbidden,
                title: "Saving webhooks is not allowed.");
        }

        if (!result.Succeeded)
        {
            return ValidationProblems.From(result.Errors);
        }

        var created = SecretMask.Apply(await store.FindAsync(result.Id!.Value, cancellationToken));

        return TypedResults.Created($"/api/webhooks/{result.Id}", created);
    }

    private static async Task<IResult> ReplaceAsync(
        int id,
        HttpRequest request,
        ClaimsPrincipal user,
        WebHookCommands commands,
        WebHookStore store,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<WebHookResource>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var result = await commands.ReviseAsync(id, body, user, cancellationToken, body.Status, body.Version);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (result.Conflict)
        {
            return TypedResults.Problem(
                detail: result.Message,
                statusCode: StatusCodes.Status409Conflict,
                title: "The webhook has a newer version.");
        }

        if (result.Forbidden)
        {
            return TypedResults.Problem(
                detail: result.Message,
                statusCode: StatusCodes.Status403Forbidden,
                title: "Saving webhooks is not allowed.");
        }

        if (!result.Succeeded)
        {
            return ValidationProblems.From(result.Errors);
        }

        return TypedResults.Ok(SecretMask.Apply(await store.FindAsync(id, cancellationToken)));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        int id,
        ClaimsPrincipal user,
        WebHookStore store,
        CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, user, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// The request an event would send. Secret header values are masked unless <c>reveal=true</c>, which only callers
    /// who may reveal secrets can ask for; a saved hook's kept secrets revealed that way are audited.
    /// </summary>
    private static async Task<IResult> PreviewAsync(
        HttpRequest request,
        ClaimsPrincipal user,
        string? reveal,
        [AsParameters] PreviewServices services,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var revealing = query.Bool("reveal", reveal);
        if (!query.IsValid)
        {
            return query.Problem();
        }

        if (revealing && !user.CanRevealSecrets())
        {
            return TypedResults.Problem(
                detail: "Only admins may reveal secret header values; ask again without reveal=true.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Revealing secrets is not allowed.");
        }

        var (body, problem) = await ApiBody.ReadAsync<PreviewRequest>(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (body.Webhook is not { } hook || body.Event is not { } evt)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["webhook"] = ["Send the webhook to preview in \"webhook\" and the event in \"event\"."],
                },
                title: "The preview request is incomplete.");
        }

        // A saved hook previews with its own stored secrets and signing secret, so that the resolved cURL sends what
        // the dispatcher would.
        var savedId = hook.Id is { } id && await services.Store.FindAsync(id, cancellationToken) is not null
            ? hook.Id
            : null;
        var sealing = await services.Secrets.PrepareAsync(savedId, hook, cancellationToken);
        var errors = services.Commands.Check(hook);
        sealing.Check(errors);
        if (!errors.IsEmpty)
        {
            return ValidationProblems.From(errors);
        }

        WebHookDefinition open;
        BuiltRequest sent;
        try
        {
            open = sealing.Open();
            var built = services.Builder.Build(open, evt);
            if (built.Request is not { } unsigned)
            {
                return TypedResults.Problem(
                    detail: built.Error,
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The event cannot be sent with this webhook.");
            }

            sent = await services.Signer.SignAsync(unsigned, open, savedId, Delivery.NewMessageId(), cancellationToken);
        }
        catch (UnreadableSecretException exception)
        {
            return TypedResults.Problem(
                detail: exception.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "A stored secret of the webhook cannot be read.");
        }
        if (revealing && savedId is { } saved)
        {
            await services.Access.RecordRevealedHeadersAsync(user, saved, sealing.KeptKeys, cancellationToken);
        }

        return TypedResults.Ok(new PreviewResponse(
            sent.Method,
            sent.Url,
            [.. sent.Headers.Select(h => new PreviewHeader(
                h.Name,
                h.IsSecret && !revealing ? SecretMask.Value : h.Value,
                h.IsSecret))],
            sent.Body,
            sent.Omitted,
            CurlFormatter.Format(sent, revealing),
            services.Curl.FormatTemplate(open, revealing)));
    }
}
