namespace WebHookPanel.Accounts;

/// <summary>Where the account pages live: the cookie handler, the pages and the tests share these.</summary>
public static class AccountPaths
{
    public const string Login = "/account/login";

    public const string Logout = "/account/logout";

    public const string FirstRun = "/account/first-run";

    public const string AccessDenied = "/account/access-denied";

    /// <summary>The query parameter that carries where to go after signing in.</summary>
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>The login page with a way back to <paramref name="returnUrl"/> when it is a local path.</summary>
    public static string LoginReturningTo(string? returnUrl)
    {
        var local = LocalReturnUrl.OrNull(returnUrl);

        return local is null or "/" ? Login : $"{Login}?{ReturnUrlParameter}={Uri.EscapeDataString(local)}";
    }
}
