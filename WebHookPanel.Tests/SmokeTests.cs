namespace WebHookPanel.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Cases_PreviewFile_IsCopiedBesideTheTests()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "preview.json");

        Assert.True(File.Exists(path));
    }
}
