using Microsoft.AspNetCore.Antiforgery;

namespace WebHookPanel.Accounts;

/// <summary>
/// Answers a form post whose antiforgery token is missing or stale with words for the person at the form. The
/// framework's own answer speaks to developers, and a login page left open overnight is the usual cause.
/// </summary>
public static class StaleFormRefusal
{
    public const string Message =
        "The form was out of date or came from another page. Reload the page and send the form again.";

    /// <summary>Goes after <c>UseAntiforgery</c>, which reads the token and records whether it is valid.</summary>
    public static IApplicationBuilder UseStaleFormRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }
                && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync(Message, context.RequestAborted);

                return;
            }

            await next(context);
        });
}
