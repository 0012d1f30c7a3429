namespace WebHookPanel.Signing;

/// <summary>
/// Short signature checks for receivers, in C#, Node and Python, as the hook page shows them. They are files of
/// their own (Signing/Snippets), embedded here, so that the tests run exactly the text a receiver copies.
/// </summary>
public static class VerificationSnippets
{
    public static string CSharp { get; } = Read("WebhookVerifier.cs");

    public static string Node { get; } = Read("verify.js");

    public static string Python { get; } = Read("verify.py");

    private static string Read(string name)
    {
        using var stream = typeof(VerificationSnippets).Assembly.GetManifestResourceStream($"Snippets/{name}")
            ?? throw new InvalidOperationException($"The snippet {name} is not embedded in the panel.");
        using var reader = new StreamReader(stream);

        return reader.ReadToEnd().TrimEnd();
    }
}
