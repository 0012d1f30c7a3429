using System.Net;
using System.Text.RegularExpressions;

namespace WebHookPanel.Dispatching;

/// <summary>
/// The form's early word on a URI whose host is literally an address the dispatcher refuses, or <c>localhost</c>.
/// Only a hint: the dispatcher's guard decides on the address actually connected to, whatever the URI says.
/// </summary>
public static partial class LiteralAddressWarning
{
    /// <summary>
    /// The warning for this URI template, or null when its host is a name, a public address or an address in a
    /// network that <paramref name="guard"/> allows.
    /// </summary>
    public static string? For(string? uriTemplate, OutgoingAddressGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);

        if (string.IsNullOrWhiteSpace(uriTemplate))
        {
            return null;
        }

        // Parameters become a plain letter so that the rest of a half-typed template still parses.
        var concrete = Braces().Replace(uriTemplate.Trim(), "x");
        if (!Uri.TryCreate(concrete, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.Host.TrimStart('[').TrimEnd(']');
        var name = host.TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return guard.RefusedKind(IPAddress.Loopback) is null ? null : $"{host} is this machine: {Refusal}";
        }

        if (!IPAddress.TryParse(host, out var address) || guard.RefusedKind(address) is not { } kind)
        {
            return null;
        }

        return $"{address} is {kind} address: {Refusal}";
    }

    private static string Refusal =>
        $"the panel refuses to send there unless {OutgoingAddressGuard.AllowSetting} allows it.";

    [GeneratedRegex(@"\{[^}]*\}?")]
    private static partial Regex Braces();
}
