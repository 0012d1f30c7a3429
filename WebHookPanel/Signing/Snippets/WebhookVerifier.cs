// .NET 8+, no package. In the endpoint, read the raw body as text, then call
//   WebhookVerifier.Verify(secret, Request.Headers["webhook-id"].ToString(),
//       Request.Headers["webhook-timestamp"].ToString(), body, Request.Headers["webhook-signature"].ToString())
using System.Security.Cryptography;
using System.Text;

namespace Receiver;

public static class WebhookVerifier
{
    public static bool Verify(string secret, string id, string timestamp, string body, string signatures)
    {
        // Refuse old and future timestamps, so that a captured request cannot be replayed later.
        if (!long.TryParse(timestamp, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        var expected = Encoding.UTF8.GetBytes("v1," + Convert.ToBase64String(hash));

        // While a secret is rotated the header holds one signature per secret, separated by spaces.
        return signatures.Split(' ')
            .Any(given => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected));
    }
}
