namespace WebHookPanel.Requests;

/// <summary>What <see cref="UriTemplateParser"/> found in a URI template.</summary>
public sealed record UriTemplateParseResult
{
    public required string Template { get; init; }

    /// <summary>Distinct parameter names in order of first appearance.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Distinct names of parameters that appear in the path.</summary>
    public required IReadOnlyList<string> PathParameters { get; init; }

    /// <summary>Distinct names of parameters that appear in the query.</summary>
    public required IReadOnlyList<string> QueryParameters { get; init; }

    /// <summary>The template as literal runs and parameters; fit to expand only when <see cref="IsValid"/>.</summary>
    public required IReadOnlyList<UriTemplatePart> Parts { get; init; }

    /// <summary>Problems ordered by position; empty for a valid template.</summary>
    public required IReadOnlyList<UriTemplateError> Errors { get; init; }

    /// <summary>
    /// Whether the template has a query (a <c>?</c> outside braces), so appended pairs start with <c>&amp;</c>.
    /// </summary>
    public required bool HasQuery { get; init; }

    public bool IsValid => Errors.Count == 0;
}
