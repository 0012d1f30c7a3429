using Microsoft.AspNetCore.Diagnostics;

namespace WebHookPanel.Api;

/// <summary>
/// Makes every API failure an RFC 9457 problem: errors the handlers did not answer themselves (an unknown route,
/// a bad method, an unreadable request) get a body, and an exception never shows its stack trace or the
/// request's headers, whatever the environment.
/// </summary>
public static class ApiProblems
{
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api"),
            api =>
            {
                api.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    StatusCodeSelector = exception => exception is BadHttpRequestException bad
                        ? bad.StatusCode
                        : StatusCodes.Status500InternalServerError,
                    ExceptionHandler = WriteProblemAsync,
                });
                api.UseStatusCodePages();
            });

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();

        // A bad request says what was wrong with it; anything else stays opaque to the caller.
        var detail = exception is BadHttpRequestException bad
            ? bad.Message
            : "The panel could not complete the request; it was logged.";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Detail = detail },
        });
    }
}
