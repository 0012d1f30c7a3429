using WebHookPanel.Audit;
using WebHookPanel.Validation;

namespace WebHookPanel.Api;

/// <summary><c>GET /api/audit</c>: the audit log page's twin, newest first, with the same filters.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", ListAsync)
            .WithTags("Audit")
            .Produces<AuditPage>()
            .RequireAuthorization(ApiServiceCollectionExtensions.WebHooksAdminPolicy);

        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        AuditStore store,
        AuditQueryValidator validator,
        string? actor,
        string? action,
        string? targetType,
        string? targetId,
        string? from,
        string? to,
        string? search,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters();
        var query = new AuditQuery(
            actor,
            action,
            targetType,
            targetId,
            parameters.Time("from", from),
            parameters.Time("to", to, endOfDay: true),
            search,
            parameters.Int("page", page, 1, 1, AuditQuery.MaxPage),
            parameters.Int("pageSize", pageSize, 50, 1, AuditQuery.MaxPageSize));
        foreach (var failure in (await validator.ValidateAsync(query, cancellationToken)).Errors)
        {
            parameters.Add(ValidationProblems.JsonPath(failure.PropertyName), [failure.ErrorMessage]);
        }

        if (!parameters.IsValid)
        {
            return parameters.Problem();
        }

        return TypedResults.Ok(await store.ListAsync(query, cancellationToken));
    }
}
