using FluentValidation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>Rules and wording shared by header rows and parameter rows.</summary>
internal static class FieldRowRules
{
    public const int MaxKeyLength = 100;

    public const int MaxNameLength = 100;

    public const int MaxValueLength = 4096;

    /// <summary>"header 'X-Team'", or "this header" while the key is still empty.</summary>
    public static string Subject(string kind, string? key) =>
        string.IsNullOrEmpty(key) ? $"this {kind}" : $"{kind} '{key}'";

    /// <summary>
    /// A value that names a profile attribute, device attribute or context key: required, and a plain name, since
    /// it is looked up exactly as written.
    /// </summary>
    public static void CheckValue(FieldRow row, string kind, ValidationContext<FieldRow> context)
    {
        var value = row.Value;
        var subject = Subject(kind, row.Key);
        if (string.IsNullOrWhiteSpace(value))
        {
            context.AddFailure($"Value of {subject} is required; {HowToFill(row.Source)}");

            return;
        }

        if (row.Source == ValueSource.Fixed)
        {
            return;
        }

        var what = SourceWord(row.Source);
        var invisible = TextRules.IndexOfInvisible(value);
        if (invisible >= 0)
        {
            context.AddFailure($"The {what} name of {subject} contains {TextRules.DescribeAt(value, invisible)}; "
                + $"remove it and enter the name exactly as it is stored, e.g. {Example(row.Source)}.");
        }
        else if (value.AsSpan().IndexOfAny("{}") >= 0 || value.Any(char.IsWhiteSpace))
        {
            context.AddFailure($"The {what} name '{value}' of {subject} may not contain spaces, line breaks or "
                + $"braces; enter the name exactly as it is stored, e.g. {Example(row.Source)}.");
        }
        else if (TextRules.IsLongerThan(value, MaxNameLength))
        {
            context.AddFailure($"The {what} name of {subject} is {TextRules.Length(value)} characters long; shorten "
                + $"it to at most {MaxNameLength}.");
        }
    }

    public static string SourceWord(ValueSource source) => source switch
    {
        ValueSource.Profile => "profile attribute",
        ValueSource.Device => "device attribute",
        ValueSource.Context => "context key",
        _ => "value",
    };

    private static string HowToFill(ValueSource source) => source switch
    {
        ValueSource.Fixed => "enter the text to send.",
        ValueSource.Context => $"enter the event's context key to send, e.g. {Example(source)}.",
        _ => $"choose the {SourceWord(source)} to send, e.g. {Example(source)}.",
    };

    private static string Example(ValueSource source) => source switch
    {
        ValueSource.Profile => "email",
        ValueSource.Device => "platform",
        ValueSource.Context => "pushId",
        _ => "growth",
    };
}
