using FluentValidation;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>The rules of one header row that need no other row (DESIGN §3.1).</summary>
public sealed class HeaderRowValidator : AbstractValidator<FieldRow>
{
    public const int MaxValueLength = 4096;

    // The HTTP client writes these from the request itself; a row could only contradict it.
    private static readonly string[] Refused = ["Host", "Content-Length", "Transfer-Encoding", "Connection"];

    public HeaderRowValidator()
    {
        RuleFor(r => r.Key)
            .Cascade(CascadeMode.Stop)
            .Must(k => !string.IsNullOrEmpty(k))
            .WithMessage("Header key is required; enter a header name such as X-Api-Key.")
            .Must(k => k.Length <= FieldRowRules.MaxKeyLength)
            .WithMessage(r => $"Header key is {r.Key.Length} characters long; shorten it to at most "
                + $"{FieldRowRules.MaxKeyLength}.")
            .Must(k => IndexOfNonToken(k) < 0)
            .WithMessage(r => $"Header key '{r.Key}' may only contain letters, digits and !#$%&'*+-.^_`|~ ; "
                + $"remove {UriTemplateParser.Describe(r.Key[IndexOfNonToken(r.Key)])}.")
            .Must(k => !Refused.Contains(k, StringComparer.OrdinalIgnoreCase))
            .WithMessage(r => $"Header '{r.Key}' is set by the panel when it sends the request; remove this row.");

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
        var bad = row.Value.AsSpan().IndexOfAny('\r', '\n', '\0');
        if (bad >= 0)
        {
            var what = row.Value[bad] == '\0' ? "a NUL character" : "a line break";
            context.AddFailure($"Value of {subject} contains {what}; a header value must fit on one line, "
                + "remove it.");
        }

        if (row.Value.Length > MaxValueLength)
        {
            context.AddFailure($"Value of {subject} is {row.Value.Length} characters long; shorten it to at most "
                + "4,096.");
        }
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
