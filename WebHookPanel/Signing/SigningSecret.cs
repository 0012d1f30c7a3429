using System.Security.Cryptography;
using System.Text;

namespace WebHookPanel.Signing;

/// <summary>Standard Webhooks secrets (<c>whsec_</c> and base64) and the <c>v1</c> signature they make.</summary>
public static class SigningSecret
{
    public const string Prefix = "whsec_";

    private const int KeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>
    /// <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> with each secret, space-separated:
    /// receivers accept the request when any one of them matches.
    /// </summary>
    public static string Sign(string messageId, long timestamp, string body, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);

        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");

        return string.Join(' ', secrets.Select(s => "v1," + Convert.ToBase64String(
            HMACSHA256.HashData(Convert.FromBase64String(s[Prefix.Length..]), content))));
    }
}
