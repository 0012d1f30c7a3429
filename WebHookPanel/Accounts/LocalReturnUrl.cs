namespace WebHookPanel.Accounts;

/// <summary>
/// Keeps a return address inside the panel: a link that sends someone to the login page must not send them on to
/// another site after they sign in.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>The path when it is local to the panel, or <c>/</c>.</summary>
    public static string Or(string? returnUrl) => OrNull(returnUrl) ?? "/";

    public static string? OrNull(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/')
        {
            return null;
        }

        // "//host" and "/\host" are read by browsers as another host; control characters can hide either.
        if (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
        {
            return null;
        }

        return returnUrl.Any(char.IsControl) ? null : returnUrl;
    }
}
