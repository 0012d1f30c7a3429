using System.Security.Cryptography;

namespace WebHookPanel.Secrets;

/// <summary>A stored secret that the key ring cannot decrypt: its keys were lost or belong to another panel.</summary>
public sealed class UnreadableSecretException(string what, CryptographicException inner)
    : Exception(
        $"The stored secret of {what} cannot be decrypted: the Data Protection keys kept beside the database are "
        + "missing or belong to another database. Type the secret again to replace it.",
        inner);
