using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WebHookPanel.Events;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Requests;

/// <summary>
/// Turns a hook definition and an event into the request to send (DESIGN §4). The dispatcher, the test-send, the
/// preview API and both cURL samples all build through here, so they can never disagree about a request.
/// </summary>
public sealed class RequestBuilder
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>What the template sample shows in place of the expanded URI.</summary>
    public const string UrlPlaceholder = "${hook.url}";

    // Letters such as ş are written as they are rather than as \u escapes; JSON-significant characters are still
    // escaped, and the body is never embedded in HTML, so the relaxed encoder is safe here.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Uses this assembly's version, e.g. <c>WebHookPanel/1.0.0</c>.</summary>
    public RequestBuilder()
        : this(AssemblyVersion())
    {
    }

    public RequestBuilder(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);

        UserAgent = $"WebHookPanel/{version}";
    }

    /// <summary>The <c>User-Agent</c> sent unless a header row overrides it.</summary>
    public string UserAgent { get; }

    /// <summary>The request that <paramref name="evt"/> makes <paramref name="hook"/> send.</summary>
    public RequestBuildResult Build(WebHookDefinition hook, WebHookEvent evt)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(evt);

        var template = UriTemplateParser.Parse(hook.Uri);
        if (!template.IsValid)
        {
            return RequestBuildResult.Failure($"invalid URI template: {template.Errors[0].Message}");
        }

        var expansion = Expand(template, hook.UriParameters ?? [], evt.Params ?? []);
        if (expansion.Error is not null)
        {
            return RequestBuildResult.Failure(expansion.Error, eventAtFault: true);
        }

        return RequestBuildResult.Success(Assemble(hook, expansion.Url!, template.HasQuery, new EventRowValues(evt)));
    }

    /// <summary>
    /// The request as the template sample shows it: <see cref="UrlPlaceholder"/> for the URI and
    /// <c>${profile.email}</c>-style placeholders for row values that come from an event. Works on a half-typed
    /// definition too, since it re-renders on every keystroke of the form.
    /// </summary>
    public BuiltRequest BuildTemplate(WebHookDefinition hook)
    {
        ArgumentNullException.ThrowIfNull(hook);

        var hasQuery = UriTemplateParser.Parse(hook.Uri).HasQuery;

        return Assemble(hook, UrlPlaceholder, hasQuery, PlaceholderRowValues.Instance);
    }

    private static (string? Url, string? Error) Expand(
        UriTemplateParseResult template,
        List<UriParameter> parameters,
        Dictionary<string, string?> eventParams)
    {
        var values = new Dictionary<string, string>(template.ParameterNames.Count, StringComparer.Ordinal);
        foreach (var name in template.ParameterNames)
        {
            var value = eventParams.TryGetValue(name, out var given) && given is not null
                ? given
                : parameters.Find(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Default;
            if (value is null)
            {
                return (null, $"missing value for URI parameter '{name}'");
            }

            // '.' and '..' are unreserved, so they survive encoding and a URI parser would then drop or climb
            // the segment, sending the request somewhere else.
            if (value is "." or ".." && template.PathParameters.Contains(name, StringComparer.Ordinal))
            {
                return (null, $"value '{value}' of URI parameter '{name}' cannot be used in the path: "
                    + "a path segment of '.' or '..' would change the address");
            }

            values[name] = value;
        }

        var url = new StringBuilder(template.Template.Length + 32);
        foreach (var part in template.Parts)
        {
            if (part.IsParameter)
            {
                PercentEncoding.Append(url, values[part.Text]);
            }
            else
            {
                PercentEncoding.AppendLiteral(url, part.Text);
            }
        }

        return (url.ToString(), null);
    }

    private BuiltRequest Assemble(WebHookDefinition hook, string url, bool urlHasQuery, IRowValueResolver values)
    {
        var headerRows = hook.Headers ?? [];
        var parameterRows = hook.Parameters ?? [];
        var headers = new List<RequestHeader>(headerRows.Count + 2);
        var omitted = new List<string>();
        var contentType = AddHeaderRows(headerRows, hook.HasBody, values, headers, omitted);
        if (!headers.Exists(h => IsHeader(h.Name, "User-Agent")))
        {
            headers.Add(new("User-Agent", UserAgent, false));
        }

        var parameters = ResolveParameters(parameterRows, values, omitted);
        string? body = null;
        if (hook.HasBody)
        {
            var isForm = hook.BodyEncoding == BodyEncoding.Form;
            body = isForm ? FormBody(parameters) : JsonBody(parameters);
            if (contentType is null)
            {
                contentType = isForm ? FormContentType : JsonContentType;
                headers.Add(new("Content-Type", contentType, false));
            }
        }
        else
        {
            url = AppendQuery(url, urlHasQuery, parameters);
        }

        return new()
        {
            Method = hook.Method.ToString(),
            Url = url,
            Headers = headers,
            Body = body,
            ContentType = contentType,
            Omitted = omitted,
        };
    }

    // Returns the Content-Type that a row sets, if any.
    private static string? AddHeaderRows(
        List<FieldRow> rows,
        bool hasBody,
        IRowValueResolver values,
        List<RequestHeader> headers,
        List<string> omitted)
    {
        string? contentType = null;
        foreach (var row in rows)
        {
            var key = row.Key ?? "";
            var value = values.Resolve(row);
            if (value.Value is null)
            {
                omitted.Add($"{key}: {value.Missing}");
            }
            else if (value.Value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                omitted.Add($"{key}: the value contains a line break or a NUL character");
            }
            else if (IsHeader(key, "Content-Type") && !hasBody)
            {
                // HTTP clients carry Content-Type on the body; without one the header could not be sent.
                omitted.Add($"{key}: a request without a body has no content type");
            }
            else
            {
                var secret = !value.IsPlaceholder && SecretHeaderRule.IsSecret(key, row.Secret);
                headers.Add(new(key, value.Value, secret));
                contentType = IsHeader(key, "Content-Type") ? value.Value : contentType;
            }
        }

        return contentType;
    }

    private static List<(string Key, RowValue Value)> ResolveParameters(
        List<FieldRow> rows,
        IRowValueResolver values,
        List<string> omitted)
    {
        var parameters = new List<(string Key, RowValue Value)>(rows.Count);
        foreach (var row in rows)
        {
            var key = row.Key ?? "";
            var value = values.Resolve(row);
            if (value.Value is null)
            {
                omitted.Add($"{key}: {value.Missing}");
            }
            else
            {
                parameters.Add((key, value));
            }
        }

        return parameters;
    }

    private static string AppendQuery(string url, bool urlHasQuery, List<(string Key, RowValue Value)> parameters)
    {
        if (parameters.Count == 0)
        {
            return url;
        }

        var builder = new StringBuilder(url, url.Length + (parameters.Count * 24));

        // A template ending in '?' or '&' already has the separator that the first pair needs.
        var separator = !urlHasQuery ? "?" : url.EndsWith('?') || url.EndsWith('&') ? "" : "&";
        foreach (var (key, value) in parameters)
        {
            builder.Append(separator);
            AppendPair(builder, key, value);
            separator = "&";
        }

        return builder.ToString();
    }

    private static string FormBody(List<(string Key, RowValue Value)> parameters)
    {
        var builder = new StringBuilder(parameters.Count * 24);
        foreach (var (key, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            AppendPair(builder, key, value);
        }

        return builder.ToString();
    }

    private static void AppendPair(StringBuilder builder, string key, RowValue value)
    {
        PercentEncoding.Append(builder, key);
        builder.Append('=');
        if (value.IsPlaceholder)
        {
            builder.Append(value.Value);
        }
        else
        {
            PercentEncoding.Append(builder, value.Value!);
        }
    }

    private static string JsonBody(List<(string Key, RowValue Value)> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in parameters)
            {
                writer.WriteString(key, value.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsHeader(string key, string name) => key.Equals(name, StringComparison.OrdinalIgnoreCase);

    // The informational version may carry "+<commit>" build metadata, which has no place in a User-Agent.
    private static string AssemblyVersion()
    {
        var version = typeof(RequestBuilder).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = version?.IndexOf('+') ?? -1;

        return string.IsNullOrWhiteSpace(version) ? "1.0.0" : plus > 0 ? version[..plus] : version;
    }
}
