using System.Text;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Api;

/// <summary>Turns the validator's messages into RFC 9457 problem details keyed by the JSON path of the field.</summary>
public static class ValidationProblems
{
    public static IResult From(FormErrors errors, string title = "The webhook has invalid fields.") =>
        TypedResults.ValidationProblem(Errors(errors), title: title);

    /// <summary>The messages keyed by the JSON path of their field.</summary>
    public static Dictionary<string, string[]> Errors(FormErrors errors) =>
        errors.All.ToDictionary(e => JsonPath(e.Key), e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary><c>Headers[1].Key</c> becomes <c>headers[1].key</c>, matching the body's camelCase names.</summary>
    public static string JsonPath(string propertyPath)
    {
        var path = new StringBuilder(propertyPath.Length);
        var segmentStart = true;
        foreach (var c in propertyPath)
        {
            path.Append(segmentStart ? char.ToLowerInvariant(c) : c);
            segmentStart = c == '.';
        }

        return path.ToString();
    }
}
