namespace WebHookPanel.Tests.Validation;

/// <summary>Sample text shared by the validator tests.</summary>
internal static class ValidationTestData
{
    /// <summary>One user-perceived character that takes two UTF-16 code units.</summary>
    public const string Emoji = "\U0001F600";
}
