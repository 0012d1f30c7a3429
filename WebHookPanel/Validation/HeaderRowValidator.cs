using FluentValidation;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>The rules of one header row that need no other row (DESIGN §3.1).</summary>
public sealed class HeaderRowValidator : AbstractValidator<FieldRow>
{
    public const int MaxValueLength = FieldRowRules.MaxValueLength;

    // The HTTP client writes these from the request itself; a row could only contradict it.
    private static readonly string[] Refused = ["Host", "Content-Length", "Transfer-Encoding", "Connection"];

    public HeaderRowValidator()
    {
        RuleFor(r => r.Key)
            .Cascade(CascadeMode.Stop)
            .Must(k => !string.IsNullOrEmpty(k))
            .WithMessage("Header key is required; enter a header name such as X-Api-Key.")
            .Must(k => !TextRules.IsLongerThan(k, FieldRowRules.MaxKeyLength))
            .WithMessage(r => $"Header key is {TextRules.Length(r.Key)} characters long; shorten it to at most "
                + $"{FieldRowRules.MaxKeyLength}.")
            .Must(k => IndexOfNonToken(k) < 0)
            .WithMessage(r => $"Header key '{r.Key}' may only contain letters, digits and !#$%&'*+-.^_`|~ ; "
                + $"remove {UriTemplateParser.Describe(r.Key[IndexOfNonToken(r.Key)])}.")
            .Must(k => !Refused.Contains(k, StringComparer.OrdinalIgnoreCase))
            .WithMessage(r => $"Header '{r.Key}' is set by the panel when it sends the request; remove this row.");

        RuleFor(r => r.Source)
            .IsInEnum()
            .WithMessage(r => $"Source of {FieldRowRules.Subject("header", r.Key)} must be Fixed, Profile, Device or "
                + "Context.");

        RuleFor(r => r.Value).Custom((_, context) => CheckValue(context.InstanceToValidate, context));
    }

    private static void CheckValue(FieldRow row, ValidationContext<FieldRow> context)
    {
        FieldRowRules.CheckValue(row, "header", context);
        if (row.Source != ValueSource.Fixed || string.IsNullOrEmpty(row.Value))
        {
            return;
        }

        var subject = FieldRowRules.Subject("header", row.Key);
        var bad = IndexOfControl(row.Value);
        if (bad >= 0)
        {
            var fix = row.Value[bad] is '\r' or '\n'
                ? "a header value must fit on one line, remove it."
                : "a header value may only hold printable characters, spaces and tabs, remove it.";
            context.AddFailure($"Value of {subject} contains {TextRules.DescribeAt(row.Value, bad)}; {fix}");
        }

        if (TextRules.IsLongerThan(row.Value, MaxValueLength))
        {
            context.AddFailure($"Value of {subject} is {TextRules.Count(TextRules.Length(row.Value))} characters "
                + $"long; shorten it to at most {TextRules.Count(MaxValueLength)}.");
        }
    }

    // RFC 9110 field-value: VCHAR, obs-text, SP and HTAB; every other control character, DEL included, is refused.
    private static int IndexOfControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] != '\t')
            {
                return i;
            }
        }

        return -1;
    }

    // RFC 9110 token: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|"
    // / "~" / DIGIT / ALPHA.
    private static int IndexOfNonToken(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c) < 0)
            {
                return i;
            }
        }

        return -1;
    }
}
