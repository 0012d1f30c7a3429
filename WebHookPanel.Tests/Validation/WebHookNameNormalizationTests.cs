using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Validation;

public sealed class WebHookNameNormalizationTests
{
    [Fact]
    public void Normalize_PrecomposedAndDecomposed_AreEqual()
    {
        var precomposed = "Caf\u00e9";
        var decomposed = "cafe\u0301";

        var first = WebHook.Normalize(precomposed);
        var second = WebHook.Normalize(decomposed);

        Assert.NotEqual(precomposed.ToUpperInvariant(), decomposed.ToUpperInvariant());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Normalize_TrimsAndUpperCases()
    {
        var normalized = WebHook.Normalize("  Push click ");

        Assert.Equal("PUSH CLICK", normalized);
    }

    [Fact]
    public void Normalize_LoneSurrogate_DoesNotThrow()
    {
        var normalized = WebHook.Normalize("a\ud800");

        Assert.Equal("A\ud800", normalized);
    }
}
