using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WebHookPanel.Dispatching;
using WebHookPanel.Requests;
using WebHookPanel.Review;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>The admin API twin of the webhook pages (DESIGN §5.3).</summary>
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

        return hook is null ? TypedResults.NotFound() : TypedResults.Ok(hook);
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
        if (!result.Succeeded)
        {
            return ValidationProblems.From(result.Errors);
        }

        var created = await store.FindAsync(result.Id!.Value, cancellationToken);

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

        if (!result.Succeeded)
        {
            return ValidationProblems.From(result.Errors);
        }

        return TypedResults.Ok(await store.FindAsync(id, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        int id,
        ClaimsPrincipal user,
        WebHookStore store,
        CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, user, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<IResult> PreviewAsync(
        HttpRequest request,
        WebHookCommands commands,
        RequestBuilder builder,
        RequestSigner signer,
        WebHookStore store,
        CurlFormatter curl,
        CancellationToken cancellationToken)
    {
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

        var errors = commands.Check(hook);
        if (!errors.IsEmpty)
        {
            return ValidationProblems.From(errors);
        }

        var built = builder.Build(hook, evt);
        if (built.Request is not { } unsigned)
        {
            return TypedResults.Problem(
                detail: built.Error,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The event cannot be sent with this webhook.");
        }

        // A saved hook previews with its own secret, so that the resolved cURL sends a signature that verifies.
        var savedId = hook.Id is { } id && await store.FindAsync(id, cancellationToken) is not null ? hook.Id : null;
        var sent = await signer.SignAsync(unsigned, hook, savedId, Delivery.NewMessageId(), cancellationToken);

        // The admin API key may reveal secrets; marketers' masking comes with user roles.
        return TypedResults.Ok(new PreviewResponse(
            sent.Method,
            sent.Url,
            [.. sent.Headers.Select(h => new PreviewHeader(h.Name, h.Value))],
            sent.Body,
            sent.Omitted,
            CurlFormatter.Format(sent, revealSecrets: true),
            curl.FormatTemplate(hook, revealSecrets: true)));
    }
}
