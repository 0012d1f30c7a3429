using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace WebHookPanel.Accounts;

public static partial class AccountEndpointRouteBuilderExtensions
{
    /// <summary>Sign-out, posted from the app bar's button.</summary>
    public static IEndpointRouteBuilder MapPanelAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountPaths.Logout, SignOutAsync).ExcludeFromDescription();

        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        SignInManager<PanelUser> signIn,
        ILoggerFactory loggers)
    {
        // Checked here, not by form binding: the post carries nothing else, and another site must not sign anyone out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Text(StaleFormRefusal.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        // Deleting the cookie in this browser is not enough: a copy taken earlier would stay valid for its 8 hours.
        // A new security stamp makes every copy fail its next revalidation; like a password reset, it also ends
        // the user's sessions in other browsers, which is what someone signing out of an admin panel expects.
        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            var renewed = await signIn.UserManager.UpdateSecurityStampAsync(user);
            if (!renewed.Succeeded)
            {
                var errors = string.Join("; ", renewed.Errors.Select(e => e.Description));
                var logger = loggers.CreateLogger(typeof(AccountEndpointRouteBuilderExtensions));
                LogStampNotRenewed(logger, user.Id, errors);
            }
        }

        await signIn.SignOutAsync();

        return TypedResults.LocalRedirect(AccountPaths.Login);
    }

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning,
        Message = "User {UserId} signed out, but earlier copies of their cookie stay valid: {Errors}")]
    private static partial void LogStampNotRenewed(ILogger logger, string userId, string errors);
}
