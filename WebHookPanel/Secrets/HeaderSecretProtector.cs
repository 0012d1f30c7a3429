using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Secrets;

/// <summary>
/// Encrypts the fixed values of secret header rows for storage, with the Data Protection key ring kept beside the
/// database (the one that holds the signing secrets, under a purpose of its own), and decrypts them where a real
/// request is built or an admin reveals one.
/// </summary>
public sealed class HeaderSecretProtector(IDataProtectionProvider protection)
{
    /// <summary>
    /// Marks a stored value as encrypted. A secret value stored before encryption has no mark and is read as it is,
    /// until the start-up backfill encrypts it.
    /// </summary>
    public const string Prefix = "protected:";

    private readonly IDataProtector _protector = protection.CreateProtector("WebHookPanel.HeaderSecrets.v1");

    public static bool IsProtected(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>Encrypts a typed value, which is never taken for an encrypted one, whatever it starts with.</summary>
    public string Protect(string clear) => Prefix + _protector.Protect(clear);

    /// <summary>The stored value in clear; <paramref name="headerKey"/> names it if it cannot be decrypted.</summary>
    public string Unprotect(string stored, string headerKey)
    {
        ArgumentNullException.ThrowIfNull(stored);

        if (!IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException exception)
        {
            throw new UnreadableSecretException($"header '{headerKey}'", exception);
        }
    }

    /// <summary>
    /// Encrypts, in place, the secret header values of a stored definition that are still in clear (stored before
    /// encryption); true when there was any.
    /// </summary>
    public bool ProtectClearValues(WebHookDefinition stored)
    {
        ArgumentNullException.ThrowIfNull(stored);

        var changed = false;
        foreach (var row in (stored.Headers ?? []).Where(r => r is not null && SecretHeaderRule.HoldsSecret(r)))
        {
            if (!string.IsNullOrEmpty(row.Value) && !IsProtected(row.Value))
            {
                row.Value = Protect(row.Value);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>A copy of a stored definition with its secret values in clear, to build a request from.</summary>
    public WebHookDefinition Unprotect(WebHookDefinition stored)
    {
        ArgumentNullException.ThrowIfNull(stored);

        var copy = stored.Clone();
        foreach (var row in copy.Headers.Where(SecretHeaderRule.HoldsSecret))
        {
            row.Value = Unprotect(row.Value, row.Key);
        }

        return copy;
    }
}
