using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

namespace WebHookPanel.Accounts;

/// <summary>
/// Answers a form post that cannot be handled (its antiforgery token is missing or stale, or it names no form or
/// an unknown one) with words for the person at the form. The framework's own answers speak to developers, and a
/// login page left open overnight is the usual cause.
/// </summary>
public static partial class StaleFormRefusal
{
    public const string Message =
        "The form was out of date or came from another page. Reload the page and send the form again.";

    /// <summary>Goes after <c>UseAntiforgery</c>, which reads the token and records whether it is valid.</summary>
    public static IApplicationBuilder UseStaleFormRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                await next(context);

                return;
            }

            var metadata = context.GetEndpoint()?.Metadata;
            if (metadata?.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }
                && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await RefuseAsync(context);

                return;
            }

            if (metadata?.GetMetadata<ComponentTypeMetadata>() is null)
            {
                await next(context);

                return;
            }

            await AnswerPagePostAsync(context, next);
        });

    // A page's answer to a post is held back until its status is known: a 400 there is the framework telling a
    // developer which form name was missing, and is replaced by the message. The pages that take posts (login,
    // first run) answer with a redirect or a small page, so holding it costs nothing.
    private static async Task AnswerPagePostAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var held = new MemoryStream();
        context.Response.Body = held;

        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted)
        {
            // The framework's own words are kept for whoever debugs a form.
            var loggers = context.RequestServices.GetRequiredService<ILoggerFactory>();
            var logger = loggers.CreateLogger(typeof(StaleFormRefusal));
            LogReplaced(logger, context.Request.Path, Encoding.UTF8.GetString(held.GetBuffer(), 0, (int)held.Length));
            context.Response.Headers.ContentLength = null;
            await RefuseAsync(context);

            return;
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Message, context.RequestAborted);
    }

    [LoggerMessage(EventId = 4014, Level = LogLevel.Debug,
        Message = "Form post to {Path} refused with the plain message; the page answered: {Answer}")]
    private static partial void LogReplaced(ILogger logger, string path, string answer);
}
