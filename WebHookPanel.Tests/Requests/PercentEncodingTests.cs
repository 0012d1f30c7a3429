using System.Text;
using WebHookPanel.Requests;

namespace WebHookPanel.Tests.Requests;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("a b/c?d", "a%20b%2Fc%3Fd")]
    [InlineData("şehir", "%C5%9Fehir")]
    [InlineData("", "")]
    [InlineData("{userId}", "%7BuserId%7D")]
    [InlineData("${hook.url}", "%24%7Bhook.url%7D")]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("a+b@example.com", "a%2Bb%40example.com")]
    [InlineData("100%", "100%25")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("\u00e9\u0000", "%C3%A9%00")]
    public void Encode_Value_EncodesEveryByteOutsideUnreserved(string value, string expected)
    {
        var encoded = PercentEncoding.Encode(value);

        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void Encode_OnlyUnreserved_ReturnsSameInstance()
    {
        var value = "already-safe_value.1~";

        var encoded = PercentEncoding.Encode(value);

        Assert.Same(value, encoded);
    }

    [Fact]
    public void Encode_LoneSurrogate_WritesReplacementCharacter()
    {
        var encoded = PercentEncoding.Encode("\ud800");

        Assert.Equal("%EF%BF%BD", encoded);
    }

    [Fact]
    public void Append_Value_AppendsEncodedText()
    {
        var builder = new StringBuilder("x=");

        PercentEncoding.Append(builder, "kış indirimi");

        Assert.Equal("x=k%C4%B1%C5%9F%20indirimi", builder.ToString());
    }

    [Theory]
    [InlineData("https://x.example.com/a/b?c=d&e=f", "https://x.example.com/a/b?c=d&e=f")]
    [InlineData("/my page", "/my%20page")]
    [InlineData("/şehir", "/%C5%9Fehir")]
    [InlineData("/a%2Fb", "/a%2Fb")]
    [InlineData("/100%", "/100%25")]
    [InlineData("/%zz", "/%25zz")]
    [InlineData("/a\"b<c>", "/a%22b%3Cc%3E")]
    public void AppendLiteral_TemplateText_KeepsUriCharactersAndEncodesTheRest(string literal, string expected)
    {
        var builder = new StringBuilder();

        PercentEncoding.AppendLiteral(builder, literal);

        Assert.Equal(expected, builder.ToString());
    }
}
