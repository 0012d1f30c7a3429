using System.Text.Json;
using WebHookPanel.Data;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Tests.Dispatching;

/// <summary>
/// The attempt log's header columns are written by hand for speed and read back by the serializer: both must agree
/// on every value a receiver can send.
/// </summary>
public sealed class AttemptColumnsTests
{
    public static TheoryData<string> Values =>
    [
        "plain",
        "",
        "quote \" backslash \\ slash /",
        "line\nbreak\ttab\u0001control",
        "<script>&amp;</script>",
        "naïve café 東京 😀",
        "\uFFFD replacement",
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Write_Headers_AsTheSerializerWouldAndReadsBack(string value)
    {
        List<AttemptHeader> headers = [new("X-Value", value), new("Content-Type", "text/plain")];

        var written = AttemptColumns.Write(headers);

        Assert.Equal(JsonSerializer.Serialize(headers, PanelJson.Options), written);
        Assert.Equal(headers, AttemptColumns.ReadHeaders(written));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Write_Omitted_AsTheSerializerWouldAndReadsBack(string row)
    {
        List<string> omitted = [row, "email"];

        var written = AttemptColumns.Write(omitted);

        Assert.Equal(JsonSerializer.Serialize(omitted, PanelJson.Options), written);
        Assert.Equal(omitted, AttemptColumns.ReadOmitted(written));
    }

    [Fact]
    public void Write_EmptyLists_AreEmptyArrays()
    {
        Assert.Equal("[]", AttemptColumns.Write(Array.Empty<AttemptHeader>()));
        Assert.Equal("[]", AttemptColumns.Write(Array.Empty<string>()));
    }

    [Fact]
    public void Write_AfterAHugeList_NextListHoldsOnlyItsOwnHeaders()
    {
        var huge = Enumerable.Range(0, 100).Select(i => new AttemptHeader($"X-{i}", new string('a', 1000))).ToList();
        List<AttemptHeader> small = [new("Server", "Kestrel")];

        var first = AttemptColumns.Write(huge);
        var second = AttemptColumns.Write(small);

        Assert.Equal(100, AttemptColumns.ReadHeaders(first).Count);
        Assert.Equal("""[{"name":"Server","value":"Kestrel"}]""", second);
    }
}
