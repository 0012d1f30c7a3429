using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace WebHookPanel.Accounts;

public static class AccountEndpointRouteBuilderExtensions
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
        SignInManager<PanelUser> signIn)
    {
        // Checked here, not by form binding: the post carries nothing else, and another site must not sign anyone out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Text(
                "The sign-out form was out of date or came from another page. Reload the panel and sign out again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await signIn.SignOutAsync();

        return TypedResults.LocalRedirect(AccountPaths.Login);
    }
}
