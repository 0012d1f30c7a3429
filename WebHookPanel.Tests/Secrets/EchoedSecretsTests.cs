using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WebHookPanel.Requests;
using WebHookPanel.Secrets;

namespace WebHookPanel.Tests.Secrets;

/// <summary>
/// The forms in which a receiver's answer may repeat a secret header, each masked in the delivery log.
/// </summary>
public sealed class EchoedSecretsTests
{
    private const string Key = "k3y/Ab+Cd=EfGhIjKlMn";
    private const string Token = "tok/en+XYZ123456";
    private const string Password = "s3cr3t-pa55w0rd";

    private static readonly string Basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + Password));

    private static readonly EchoedSecrets Echoed = EchoedSecrets.Of(new BuiltRequest
    {
        Method = "POST",
        Url = "https://crm.example.com/hook",
        Headers =
        [
            new RequestHeader("X-Api-Key", Key, IsSecret: true),
            new RequestHeader("Authorization", "Bearer " + Token, IsSecret: true),
            new RequestHeader("Proxy-Authorization", "Basic " + Basic, IsSecret: true),
            new RequestHeader("X-Team", "growth", IsSecret: false),
        ],
        Omitted = [],
    });

    public static TheoryData<string> Echoes => new()
    {
        { Key },
        { JsonSerializer.Serialize(new { key = Key }) },
        { JsonSerializer.Serialize(new { key = Key }).Replace("/", "\\/", StringComparison.Ordinal) },
        { "{\"key\":\"" + Key.Replace("/", "\\/", StringComparison.Ordinal) + "\"}" },
        { "k=" + Uri.EscapeDataString(Key) },
        { "k=" + Uri.EscapeDataString(Key).ToLowerInvariant() },
        { "k=" + WebUtility.UrlEncode(Key) },
        { "<td>" + WebUtility.HtmlEncode(Key) + "</td>" },
        { "<td>" + HtmlEncoder.Default.Encode(Key) + "</td>" },
        { "k=" + UrlEncoder.Default.Encode(Key) },
        { "key=" + Key.ToUpperInvariant() },
        { "auth=" + Token },
        { "auth=Bearer " + Token },
        { "user:pass=alice:" + Password },
        { "password is " + Password },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Mask_EchoedForm_LeavesNoPieceOfTheSecret(string echo)
    {
        var masked = Echoed.Mask("before " + echo + " after")!;

        Assert.Contains(SecretMask.Value, masked, StringComparison.Ordinal);
        Assert.DoesNotContain("Ab+Cd", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ab%2BCd", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("XYZ123456", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pa55w0rd", masked, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("before ", masked, StringComparison.Ordinal);
        Assert.EndsWith(" after", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_BodyCutInsideASecret_MasksTheBeginningLeftAtTheEnd()
    {
        var body = new string('A', 4086) + "k=" + Key[..8];

        var masked = Echoed.Mask(body, cut: true)!;

        Assert.EndsWith("k=" + SecretMask.Value, masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_BodyNotCut_LeavesAnEndingThatMerelyLooksLikeASecretsStart()
    {
        const string body = "status: tok/";

        Assert.Equal(body, Echoed.Mask(body, cut: false));
    }

    [Fact]
    public void Mask_CutInsideTheLongerOfTwoSecrets_MasksTheLongestPieceLeft()
    {
        var body = new string('A', 100) + "Bearer " + Token[..10];

        var masked = Echoed.Mask(body, cut: true);

        Assert.Equal(new string('A', 100) + SecretMask.Value, masked);
    }

    [Fact]
    public void Mask_RequestWithoutSecrets_ChangesNothing()
    {
        var echoed = EchoedSecrets.Of(new BuiltRequest
        {
            Method = "GET",
            Url = "https://crm.example.com/hook",
            Headers = [new RequestHeader("X-Team", "growth", IsSecret: false)],
            Omitted = [],
        });

        Assert.Equal("team growth", echoed.Mask("team growth"));
    }
}
