using System.Buffers;
using System.Globalization;
using System.Text;

namespace WebHookPanel.Validation;

/// <summary>
/// How the validators count and inspect what people type: lengths in user-perceived characters (text elements),
/// so that an emoji or an accented letter typed as two code points counts once, and the first control or invisible
/// character described by its position and code point.
/// </summary>
internal static class TextRules
{
    private const int ZeroWidthNonJoiner = 0x200C;

    private const int ZeroWidthJoiner = 0x200D;

    private const int BlackFlag = 0x1F3F4;

    /// <summary>A count as people write it: 10,000.</summary>
    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The number of user-perceived characters.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Whether <paramref name="text"/> has more than <paramref name="max"/> user-perceived characters. A text
    /// element holds at least one code unit, so text within the limit in code units is never counted.
    /// </summary>
    public static bool IsLongerThan(string text, int max) => text.Length > max && Length(text) > max;

    /// <summary>
    /// The index of the first control (Cc) or format (Cf) character, or -1. Joiners inside a word or an emoji
    /// sequence (U+200C, U+200D) and the tags of a subdivision flag are part of what was meant, so they pass unless
    /// <paramref name="strict"/> is set.
    /// </summary>
    public static int IndexOfInvisible(string text, bool strict = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAscii(text[i]))
            {
                if (char.IsControl(text[i]))
                {
                    return i;
                }

                continue;
            }

            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                // A lone surrogate cannot be sent as UTF-8 at all.
                return i;
            }

            var category = Rune.GetUnicodeCategory(rune);
            var invisible = category is UnicodeCategory.Control or UnicodeCategory.Format;
            if (invisible && (strict || !IsPartOfSequence(text, i, rune)))
            {
                return i;
            }

            i += used - 1;
        }

        return -1;
    }

    /// <summary>"a line break at position 2", "an invisible character U+200B at position 6".</summary>
    /// <remarks>Positions count user-perceived characters from 1, as the lengths do.</remarks>
    public static string DescribeAt(string text, int index) =>
        $"{Describe(text, index)} at position {Length(text[..index]) + 1}";

    /// <summary>"a line break", "a tab", "a NUL character", "a control character U+0001", "an invisible ...".</summary>
    public static string Describe(string text, int index)
    {
        var c = text[index];
        var decoded = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        if (char.IsSurrogate(c) && decoded == OperationStatus.Done)
        {
            return $"an invisible character U+{rune.Value:X4}";
        }

        return c switch
        {
            '\r' or '\n' => "a line break",
            '\t' => "a tab",
            '\0' => "a NUL character",
            _ when char.IsSurrogate(c) => $"a broken character U+{(int)c:X4}",
            _ when char.IsControl(c) => $"a control character U+{(int)c:X4}",
            _ => $"an invisible character U+{(int)c:X4}",
        };
    }

    private static bool IsPartOfSequence(string text, int index, Rune rune)
    {
        if (rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner)
        {
            return index > 0 && index < text.Length - 1 && IsVisible(text, index - 1) && IsVisible(text, index + 1);
        }

        // Tags U+E0020-U+E007F spell a region after a black flag, e.g. England; U+E007F ends the sequence.
        if (rune.Value is >= 0xE0020 and <= 0xE007F && index >= 2)
        {
            var previous = char.IsLowSurrogate(text[index - 1])
                ? char.ConvertToUtf32(text[index - 2], text[index - 1])
                : text[index - 1];

            return previous is BlackFlag or (>= 0xE0020 and <= 0xE007E);
        }

        return false;
    }

    private static bool IsVisible(string text, int index)
    {
        var c = text[index];

        return !char.IsWhiteSpace(c) && !char.IsControl(c)
            && (char.IsSurrogate(c) || char.GetUnicodeCategory(c) != UnicodeCategory.Format);
    }
}
