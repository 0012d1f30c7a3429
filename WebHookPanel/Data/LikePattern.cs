namespace WebHookPanel.Data;

/// <summary>
/// Text for SQLite's <c>LIKE … ESCAPE '\'</c>. LIKE folds ASCII letters only and compares every other character
/// exactly, the same on both sides, unlike <c>upper()</c> in SQL beside <c>ToUpperInvariant</c> in .NET.
/// </summary>
internal static class LikePattern
{
    public const string EscapeCharacter = "\\";

    /// <summary>The text with its wildcards escaped, to match itself and nothing else.</summary>
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A pattern that finds the text anywhere.</summary>
    public static string Containing(string text) => $"%{Literal(text)}%";
}
