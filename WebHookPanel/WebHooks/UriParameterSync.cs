using WebHookPanel.Requests;

namespace WebHookPanel.WebHooks;

/// <summary>
/// Lists a definition's URI parameters from its template: one entry per distinct braced name in order of first
/// appearance, keeping the label and default of every name that is still there.
/// </summary>
public static class UriParameterSync
{
    /// <returns>The parse of the template; while it has errors the list is left as it was.</returns>
    public static UriTemplateParseResult Apply(WebHookDefinition definition)
    {
        var parse = UriTemplateParser.Parse(definition.Uri);
        if (!parse.IsValid)
        {
            // A template with errors may hide names; keep every label until the template is fixed.
            return parse;
        }

        var previous = definition.UriParameters
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        definition.UriParameters = parse.ParameterNames
            .Select(name => previous.TryGetValue(name, out var kept) ? kept : new UriParameter { Name = name })
            .ToList();

        return parse;
    }
}
