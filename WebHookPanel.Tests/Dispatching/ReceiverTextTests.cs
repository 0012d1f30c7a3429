using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>What the delivery log keeps of text a receiver chose.</summary>
public sealed class ReceiverTextTests
{
    [Fact]
    public void Readable_ShortPlainText_KeptAsItIs()
    {
        const string text = "HTTP 503 Service Unavailable";

        Assert.Same(text, ReceiverText.Readable(text));
    }

    [Fact]
    public void Readable_ControlCharacters_Replaced()
    {
        Assert.Equal("a\uFFFDb\uFFFDc", ReceiverText.Readable("a\rb\u0007c"));
    }

    [Fact]
    public void Readable_LongText_CutAtTheLimitWithAnEllipsis()
    {
        var kept = ReceiverText.Readable(new string('a', 5000))!;

        Assert.Equal(new string('a', ReceiverText.Limit) + "…", kept);
    }

    [Fact]
    public void Readable_PairAcrossTheLimit_CutBeforeThePair()
    {
        var text = new string('a', ReceiverText.Limit - 1) + "😀" + "tail";

        var kept = ReceiverText.Readable(text)!;

        Assert.Equal(new string('a', ReceiverText.Limit - 1) + "…", kept);
        Assert.DoesNotContain(kept, char.IsSurrogate);
    }

    [Fact]
    public void Readable_Null_StaysNull()
    {
        Assert.Null(ReceiverText.Readable(null));
    }
}
