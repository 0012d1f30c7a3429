using System.Text;
using WebHookPanel.Secrets;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Requests;

/// <summary>
/// Writes a request as a cURL command: one argument per line, each quoted for bash, so that pasting it sends the
/// same method, URI, headers and body bytes as the dispatcher would.
/// </summary>
public sealed class CurlFormatter(RequestBuilder builder)
{
    public const string Mask = SecretMask.Value;

    private const string Separator = " \\\n  ";

    /// <summary>The template sample of the form: the hook with placeholders in place of event values.</summary>
    public string FormatTemplate(WebHookDefinition hook, bool revealSecrets) =>
        Format(builder.BuildTemplate(hook), revealSecrets);

    /// <summary>The command for a built request; secret header values are masked unless revealed.</summary>
    public static string Format(BuiltRequest request, bool revealSecrets)
    {
        ArgumentNullException.ThrowIfNull(request);

        var command = new StringBuilder(256);
        command.Append("curl -X ").Append(request.Method).Append(' ');
        AppendQuoted(command, request.Url);

        // Square brackets (an IPv6 host) would otherwise be read by curl as a URL glob pattern.
        if (request.Url.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            command.Append(Separator).Append("--globoff");
        }

        foreach (var header in request.Headers)
        {
            var value = header.IsSecret && !revealSecrets ? Mask : header.Value;

            // curl drops a header given as "Name:" and sends an empty one only when written "Name;".
            var argument = value.Length == 0 ? header.Name + ";" : header.Name + ": " + value;
            command.Append(Separator).Append("-H ");
            AppendQuoted(command, argument);
        }

        // --data-raw sends the text as it is: no '@file' reading and no stripping of line breaks, unlike -d.
        if (request.Body is not null)
        {
            command.Append(Separator).Append("--data-raw ");
            AppendQuoted(command, request.Body);
        }

        return command.ToString();
    }

    // Inside single quotes bash takes every character literally; a single quote itself has to close the quoted
    // run, appear escaped, and reopen it.
    private static void AppendQuoted(StringBuilder command, string argument)
    {
        command.Append('\'');
        foreach (var c in argument)
        {
            if (c == '\'')
            {
                command.Append("'\\''");
            }
            else
            {
                command.Append(c);
            }
        }

        command.Append('\'');
    }
}
