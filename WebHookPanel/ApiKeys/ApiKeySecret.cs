using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WebHookPanel.ApiKeys;

/// <summary>
/// The text of a key, <c>whp_ab12cd_</c> followed by 32 random bytes in base64url, and its hash.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "whp_";

    /// <summary>
    /// <c>whp_</c> and six hex digits: enough to tell a panel's keys apart; the secret is the 32 bytes after it.
    /// </summary>
    public const int PrefixLength = 10;

    private const int PrefixBytes = 3;
    private const int SecretBytes = 32;

    /// <summary>A new key and its visible prefix.</summary>
    public static (string Key, string Prefix) Generate()
    {
        var prefix = Marker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

        return ($"{prefix}_{secret}", prefix);
    }

    /// <summary>
    /// SHA-256 of the key's UTF-8 text. A slow password hash (PBKDF2, Argon2) defends guessable secrets against a
    /// stolen database; a key of 256 random bits cannot be guessed, so it would only make every API call slower.
    /// The bootstrap key is chosen by the operator and is only as strong as the value they set.
    /// </summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// The prefix of a key in the panel's form; null for any other text, such as a bootstrap key.
    /// </summary>
    public static string? PrefixOf(string key) =>
        key.Length > PrefixLength && key[PrefixLength] == '_' && key.StartsWith(Marker, StringComparison.Ordinal)
            ? key[..PrefixLength]
            : null;
}
