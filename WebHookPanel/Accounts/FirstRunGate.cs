namespace WebHookPanel.Accounts;

/// <summary>
/// Answers 404 on the first-run page, to a GET and a POST alike, once any account exists. It runs before the page,
/// so a post to a page that is gone is not found rather than a form that went missing; the page checks again
/// itself, and <see cref="UserCommands.CreateFirstAdminAsync"/> refuses a second first admin whatever races.
/// </summary>
public static class FirstRunGate
{
    public static IApplicationBuilder UseFirstRunGate(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(
                AccountPaths.FirstRun,
                StringComparison.OrdinalIgnoreCase),
            page => page.Use(async (context, next) =>
            {
                var users = context.RequestServices.GetRequiredService<UserDirectory>();
                if (await users.AnyUserAsync(context.RequestAborted))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;

                    return;
                }

                await next(context);
            }));
}
