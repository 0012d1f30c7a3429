namespace WebHookPanel.Requests;

/// <summary>
/// The rules about the shape of a URI template once its parameters are set aside: an absolute http or https URI
/// with a host, no user info, no fragment, and parameters only in the path and the query.
/// </summary>
internal static class UriTemplateStructure
{
    private const string Example = "e.g. https://crm.example.com/users/{userId}";

    public static void Check(
        string template,
        string masked,
        UriTemplateLayout layout,
        List<BraceGroup> groups,
        List<UriTemplateError> errors)
    {
        var before = errors.Count;
        if (!CheckScheme(masked, layout, groups, errors))
        {
            return;
        }

        CheckPlaces(layout, groups, errors);
        if (layout.HasUserInfo)
        {
            var at = layout.AuthorityStart + 1;
            errors.Add(new(at, $"The URI contains a user name or password (the part ending in '@') at position {at}; "
                + "remove it and send credentials in a header such as Authorization."));
        }

        if (layout.HasFragment)
        {
            var fragment = template[layout.FragmentStart..];
            errors.Add(new(layout.FragmentStart + 1, $"The URI contains a fragment ('{fragment}') at position "
                + $"{layout.FragmentStart + 1}; remove it: the part after '#' is never sent to the server."));
        }

        CheckHost(masked, layout, groups, errors);
        CheckPort(masked, layout, groups, errors);

        // The checks above name the usual mistakes; anything else that the framework refuses still gets an error.
        if (errors.Count == before && !IsAbsoluteWebUri(masked))
        {
            errors.Add(new(1, $"The URI is not a valid web address; check the host name and the port, {Example}."));
        }
    }

    private static bool CheckScheme(
        string masked,
        UriTemplateLayout layout,
        List<BraceGroup> groups,
        List<UriTemplateError> errors)
    {
        if (!layout.HasScheme)
        {
            errors.Add(new(1, $"The URI must start with http:// or https://, {Example}."));

            return false;
        }

        var inScheme = groups.Where(g => g.Name is not null && g.Start < layout.SchemeEnd).ToList();
        foreach (var group in inScheme)
        {
            errors.Add(new(group.Start + 1, $"Parameter {{{group.Name}}} at position {group.Start + 1} is in the "
                + "scheme; parameters may only be used in the path or the query, write http or https in full."));
        }

        var scheme = masked.AsSpan(0, layout.SchemeEnd);
        if (inScheme.Count == 0 && !scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(1, $"The URI must start with http:// or https://; '{scheme}:' is not supported."));

            return false;
        }

        if (!layout.HasAuthority)
        {
            var position = layout.SchemeEnd + 2;
            errors.Add(new(position, $"Write two slashes after '{scheme}:' at position {position}, {Example}."));

            return false;
        }

        return inScheme.Count == 0;
    }

    private static void CheckPlaces(UriTemplateLayout layout, List<BraceGroup> groups, List<UriTemplateError> errors)
    {
        foreach (var group in groups)
        {
            var place = group.Name is null ? (UriTemplatePlace?)null : layout.PlaceOf(group.Start);
            var where = place switch
            {
                UriTemplatePlace.Host => "host name",
                UriTemplatePlace.Port => "port",
                _ => null,
            };
            if (where is not null)
            {
                errors.Add(new(group.Start + 1, $"Parameter {{{group.Name}}} at position {group.Start + 1} is in "
                    + $"the {where}; parameters may only be used in the path or the query, write the {where} "
                    + "in full."));
            }
        }
    }

    private static void CheckHost(
        string masked,
        UriTemplateLayout layout,
        List<BraceGroup> groups,
        List<UriTemplateError> errors)
    {
        if (layout.HostStart == layout.HostEnd)
        {
            var position = layout.HostStart + 1;
            errors.Add(new(position, $"The URI has no host name at position {position}; enter the server's name "
                + $"after '//', {Example}."));

            return;
        }

        var host = masked.AsSpan(layout.HostStart, layout.HostEnd - layout.HostStart);
        if (host[0] == '[' || HasGroup(groups, layout.HostStart, layout.HostEnd))
        {
            return;
        }

        for (var i = 0; i < host.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(host[i]) && host[i] is not ('-' or '.' or '_' or '~'))
            {
                var position = layout.HostStart + i + 1;
                errors.Add(new(position, $"The host name '{host}' contains {UriTemplateParser.Describe(host[i])} "
                    + $"at position {position}; a host name may only contain letters A-Z, digits, '-' and '.' "
                    + "(write an international name in its xn-- form)."));

                return;
            }
        }
    }

    private static void CheckPort(
        string masked,
        UriTemplateLayout layout,
        List<BraceGroup> groups,
        List<UriTemplateError> errors)
    {
        if (layout.PortColon < 0 || HasGroup(groups, layout.PortColon, layout.AuthorityEnd))
        {
            return;
        }

        var port = masked.AsSpan(layout.PortColon + 1, layout.AuthorityEnd - layout.PortColon - 1);
        if (port.Length == 0 || !int.TryParse(port, out var number) || number is < 1 or > 65535
            || port.ContainsAnyExceptInRange('0', '9'))
        {
            var position = layout.PortColon + 2;
            errors.Add(new(position, $"The port '{port}' at position {position} must be a number from 1 to 65535; "
                + "correct it, or remove the ':' to use the usual port."));
        }
    }

    private static bool HasGroup(List<BraceGroup> groups, int start, int end) =>
        groups.Exists(g => g.Start < end && g.End > start);

    private static bool IsAbsoluteWebUri(string masked) =>
        Uri.TryCreate(masked, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;
}
