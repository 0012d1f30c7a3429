namespace WebHookPanel.Requests;

/// <summary>
/// Where the components of a URI begin and end, found leniently in a template whose braced groups are masked,
/// so that a half-typed URI still tells in which component each parameter sits.
/// </summary>
internal readonly record struct UriTemplateLayout(
    int SchemeEnd,
    int AuthorityStart,
    int UserInfoEnd,
    int HostStart,
    int HostEnd,
    int PortColon,
    int AuthorityEnd,
    int QueryStart,
    int FragmentStart)
{
    public bool HasScheme => SchemeEnd >= 0;

    public bool HasAuthority => AuthorityStart >= 0;

    public bool HasUserInfo => UserInfoEnd >= 0;

    public bool HasQuery => QueryStart >= 0;

    public bool HasFragment => FragmentStart >= 0;

    /// <param name="masked">The template with every braced group (and stray brace) replaced by letters.</param>
    public static UriTemplateLayout Of(string masked)
    {
        var schemeEnd = masked.IndexOfAny([':', '/', '?', '#']);
        if (schemeEnd >= 0 && masked[schemeEnd] != ':')
        {
            schemeEnd = -1;
        }

        var fragmentStart = masked.IndexOf('#', Math.Max(schemeEnd, 0));
        var beforeFragment = fragmentStart >= 0 ? fragmentStart : masked.Length;
        var hasSlashes = schemeEnd >= 0 && masked.AsSpan(schemeEnd + 1).StartsWith("//");
        if (!hasSlashes)
        {
            var query = masked.IndexOf('?', 0, beforeFragment);

            return new(schemeEnd, -1, -1, -1, -1, -1, -1, query, fragmentStart);
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = masked.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = masked.Length;
        }

        var at = masked.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        var hostStart = at >= 0 ? at + 1 : authorityStart;
        var portColon = FindPortColon(masked, hostStart, authorityEnd);
        var hostEnd = portColon >= 0 ? portColon : authorityEnd;
        var queryStart = masked.IndexOf('?', authorityEnd, beforeFragment - authorityEnd);

        return new(
            schemeEnd, authorityStart, at, hostStart, hostEnd, portColon, authorityEnd, queryStart, fragmentStart);
    }

    public UriTemplatePlace PlaceOf(int index)
    {
        if (HasFragment && index >= FragmentStart)
        {
            return UriTemplatePlace.Fragment;
        }

        if (HasQuery && index >= QueryStart)
        {
            return UriTemplatePlace.Query;
        }

        if (HasScheme && index < SchemeEnd)
        {
            return UriTemplatePlace.Scheme;
        }

        if (!HasAuthority || index >= AuthorityEnd || index < AuthorityStart)
        {
            return UriTemplatePlace.Path;
        }

        if (index < HostStart)
        {
            return UriTemplatePlace.UserInfo;
        }

        return index < HostEnd ? UriTemplatePlace.Host : UriTemplatePlace.Port;
    }

    private static int FindPortColon(string masked, int hostStart, int authorityEnd)
    {
        var searchFrom = hostStart;

        // An IPv6 literal is full of colons; the port colon can only follow its closing bracket.
        if (hostStart < authorityEnd && masked[hostStart] == '[')
        {
            var close = masked.IndexOf(']', hostStart, authorityEnd - hostStart);
            if (close < 0)
            {
                return -1;
            }

            searchFrom = close;
        }

        return masked.IndexOf(':', searchFrom, authorityEnd - searchFrom);
    }
}
