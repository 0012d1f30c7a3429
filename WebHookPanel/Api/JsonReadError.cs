using System.Text.Json;

namespace WebHookPanel.Api;

/// <summary>What a client is told about a JSON body that could not be read: the field, by path, and the fix.</summary>
public static class JsonReadError
{
    /// <summary>
    /// The field, as <c>headers[1].source</c> or <c>[2].user.email</c> (the whole body is <c>body</c>), and a message
    /// naming it: a property given twice is told apart from a value of the wrong type.
    /// </summary>
    public static (string Field, string Message) Of(JsonException exception)
    {
        var path = exception.Path;
        var field = string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

        // System.Text.Json has no error code for a repeated property: its message is the only sign of one.
        var repeated = exception.Message.StartsWith("Duplicate propert", StringComparison.Ordinal);
        var message = repeated
            ? $"'{field}' is given more than once; send each property once."
            : $"The value of '{field}' could not be read: check its type and spelling.";

        return (field, message);
    }
}
