using System.Globalization;
using WebHookPanel.Validation;

namespace WebHookPanel.Requests;

/// <summary>
/// Reads a URI template such as <c>https://crm.example.com/users/{userId}/clicks?c={campaign}</c>: its parameters,
/// where each one sits, and every rule of the template that it breaks, with positions counted from 1.
/// </summary>
/// <remarks>
/// A template is at most <see cref="MaxLength"/> characters with at most <see cref="MaxParameters"/> distinct
/// parameters: the form lists one label per parameter, and browsers and servers commonly refuse longer addresses.
/// </remarks>
public static class UriTemplateParser
{
    public const int MaxParameterNameLength = 64;

    public const int MaxLength = 2048;

    public const int MaxParameters = 50;

    public static UriTemplateParseResult Parse(string? template)
    {
        template ??= "";
        var errors = new List<UriTemplateError>();
        if (template.Length == 0)
        {
            errors.Add(new(1, "The URI is empty; enter the address to call, "
                + "e.g. https://crm.example.com/users/{userId}."));
        }

        // A longer template is refused before it is read, so that a huge one costs nothing on every keystroke.
        if (template.Length > MaxLength)
        {
            errors.Add(new(MaxLength + 1, $"The URI is {TextRules.Count(template.Length)} characters long; shorten "
                + $"it to at most {TextRules.Count(MaxLength)}."));

            return Refused(template, errors);
        }

        var groups = FindGroups(template, errors);
        CheckParameterCount(groups, errors);
        var masked = Mask(template, groups);
        var layout = UriTemplateLayout.Of(masked);
        CheckCharacters(template, errors);

        // A leading space would only reappear as a wrong scheme; the space itself is the error to fix.
        if (template.Length > 0 && !char.IsWhiteSpace(template[0]))
        {
            UriTemplateStructure.Check(template, masked, layout, groups, errors);
        }

        // Stable, so that two errors at one position keep the order in which they were found.
        var ordered = errors.OrderBy(e => e.Position).ToList();

        return Summarize(template, groups, layout, ordered);
    }

    // Braces are balanced, not nested and not empty; each well-formed group names a parameter.
    private static List<BraceGroup> FindGroups(string template, List<UriTemplateError> errors)
    {
        var groups = new List<BraceGroup>();
        var start = -1;
        var depth = 0;
        var nested = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                if (depth == 0)
                {
                    start = i;
                    nested = false;
                }
                else if (!nested)
                {
                    nested = true;
                    errors.Add(new(i + 1, $"The '{{' at position {i + 1} is inside the parameter that starts at "
                        + $"position {start + 1}; parameters cannot be nested or doubled, use single braces "
                        + "around a name, e.g. {userId}."));
                }

                depth++;
            }
            else if (c == '}' && depth == 0)
            {
                errors.Add(new(i + 1, $"The '}}' at position {i + 1} has no matching '{{'; remove it, or add '{{' "
                    + "before the parameter name."));
                groups.Add(new(i, i + 1, null));
            }
            else if (c == '}' && --depth == 0)
            {
                var name = nested ? null : CheckName(template, start, i, errors);
                groups.Add(new(start, i + 1, name));
            }
        }

        if (depth > 0)
        {
            errors.Add(new(start + 1, $"The '{{' at position {start + 1} is never closed; add '}}' after the "
                + "parameter name."));
            groups.Add(new(start, template.Length, null));
        }

        return groups;
    }

    private static string? CheckName(string template, int open, int close, List<UriTemplateError> errors)
    {
        var name = template[(open + 1)..close];
        if (name.Length == 0)
        {
            errors.Add(new(open + 1, $"The braces '{{}}' at position {open + 1} are empty; write a parameter name "
                + "between them, e.g. {userId}."));

            return null;
        }

        if (!char.IsAsciiLetter(name[0]) && name[0] != '_')
        {
            errors.Add(new(open + 2, $"Parameter name '{name}' at position {open + 2} must start with an ASCII "
                + $"letter (A-Z, a-z) or '_'; {Describe(name[0])} cannot come first."));

            return null;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsNameChar(name[i]))
            {
                var position = open + 2 + i;
                errors.Add(new(position, $"Parameter name '{name}' may only contain ASCII letters, digits, '_', "
                    + $"'.' and '-'; remove {Describe(name[i])} at position {position}."));

                return null;
            }
        }

        if (name.Length > MaxParameterNameLength)
        {
            errors.Add(new(open + 2, $"Parameter name '{name}' at position {open + 2} is {name.Length} characters "
                + $"long; shorten it to at most {MaxParameterNameLength}."));

            return null;
        }

        return name;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    internal static string Describe(char c) => c switch
    {
        ' ' => "the space",
        '\t' => "the tab",
        '\r' or '\n' => "the line break",
        _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
        _ when char.GetUnicodeCategory(c) == UnicodeCategory.Format => $"the invisible character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    // Line breaks, other control characters and invisible ones (a right-to-left override can make an address read
    // as another) are never meant to be part of an address, and a space at either end would silently become %20.
    private static void CheckCharacters(string template, List<UriTemplateError> errors)
    {
        var invisible = TextRules.IndexOfInvisible(template, strict: true);
        if (invisible >= 0)
        {
            errors.Add(new(invisible + 1, $"The URI contains {TextRules.Describe(template, invisible)} at position "
                + $"{invisible + 1}; remove it."));

            return;
        }

        if (template.Length > 0 && char.IsWhiteSpace(template[0]))
        {
            errors.Add(new(1, "The URI starts with a space; remove it."));
        }

        if (template.Length > 1 && char.IsWhiteSpace(template[^1]))
        {
            errors.Add(new(template.Length, $"The URI ends with a space at position {template.Length}; remove it."));
        }
    }

    // The 51st distinct name is the first one too many; the error points at it.
    private static void CheckParameterCount(List<BraceGroup> groups, List<UriTemplateError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (group.Name is { } name && names.Add(name) && names.Count == MaxParameters + 1)
            {
                var distinct = groups.Where(g => g.Name is not null).Select(g => g.Name).Distinct().Count();
                errors.Add(new(group.Start + 1, $"The URI has {distinct} different parameters; a webhook can have at "
                    + $"most {MaxParameters}, remove {{{name}}} at position {group.Start + 1} and the ones after it."));

                return;
            }
        }
    }

    private static UriTemplateParseResult Refused(string template, List<UriTemplateError> errors) => new()
    {
        Template = template,
        ParameterNames = [],
        PathParameters = [],
        QueryParameters = [],
        Parts = [],
        Errors = errors,
        HasQuery = false,
    };

    // Every group, well-formed or not, becomes letters of the same length: positions stay the same, and the
    // result is the template "with each parameter replaced by x" that the structure rules speak of.
    private static string Mask(string template, List<BraceGroup> groups)
    {
        if (groups.Count == 0)
        {
            return template;
        }

        return string.Create(template.Length, (template, groups), static (span, state) =>
        {
            state.template.AsSpan().CopyTo(span);
            foreach (var group in state.groups)
            {
                span[group.Start..group.End].Fill('x');
            }
        });
    }

    private static UriTemplateParseResult Summarize(
        string template,
        List<BraceGroup> groups,
        UriTemplateLayout layout,
        List<UriTemplateError> errors)
    {
        var names = new List<string>();
        var inPath = new List<string>();
        var inQuery = new List<string>();
        var parts = new List<UriTemplatePart>();
        var literalStart = 0;
        foreach (var group in groups)
        {
            if (group.Name is not { } name)
            {
                continue;
            }

            if (group.Start > literalStart)
            {
                parts.Add(new(template[literalStart..group.Start], false, layout.PlaceOf(literalStart)));
            }

            var place = layout.PlaceOf(group.Start);
            parts.Add(new(name, true, place));
            AddDistinct(names, name);
            if (place == UriTemplatePlace.Path)
            {
                AddDistinct(inPath, name);
            }
            else if (place == UriTemplatePlace.Query)
            {
                AddDistinct(inQuery, name);
            }

            literalStart = group.End;
        }

        if (literalStart < template.Length)
        {
            parts.Add(new(template[literalStart..], false, layout.PlaceOf(literalStart)));
        }

        return new()
        {
            Template = template,
            ParameterNames = names,
            PathParameters = inPath,
            QueryParameters = inQuery,
            Parts = parts,
            Errors = errors,
            HasQuery = layout.HasQuery,
        };
    }

    // Templates hold a handful of parameters, so a linear scan beats a set.
    private static void AddDistinct(List<string> list, string name)
    {
        if (!list.Contains(name, StringComparer.Ordinal))
        {
            list.Add(name);
        }
    }
}
