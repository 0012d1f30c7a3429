using FluentValidation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>The rules of one URI parameter entry that need no other entry (DESIGN §3.1).</summary>
public sealed class UriParameterValidator : AbstractValidator<UriParameter>
{
    public const int MaxLabelLength = 50;

    public const int MaxDefaultLength = 1000;

    public UriParameterValidator()
    {
        RuleFor(p => p.Name)
            .Must(n => !string.IsNullOrEmpty(n))
            .WithMessage("This URI parameter entry has no name; remove it, or enter the name of a parameter of the "
                + "URI, e.g. userId.");

        RuleFor(p => p.Label)
            .Cascade(CascadeMode.Stop)
            .Must(l => !string.IsNullOrWhiteSpace(l))
            .WithMessage(p => $"Label of {Subject(p)} is required; enter what a marketer should see when filling in "
                + "a value, e.g. CRM user id.")
            .Must(l => !TextRules.IsLongerThan(l.Trim(), MaxLabelLength))
            .WithMessage(p => $"Label of {Subject(p)} is {TextRules.Length(p.Label.Trim())} characters long; "
                + $"shorten it to at most {MaxLabelLength}.")
            .Must(l => TextRules.IndexOfInvisible(l) < 0)
            .WithMessage(p => $"Label of {Subject(p)} contains "
                + $"{TextRules.DescribeAt(p.Label, TextRules.IndexOfInvisible(p.Label))}; remove it.");

        RuleFor(p => p.Default)
            .Cascade(CascadeMode.Stop)
            .Must(d => !TextRules.IsLongerThan(d!, MaxDefaultLength))
            .WithMessage(p => $"Default value of {Subject(p)} is {TextRules.Count(TextRules.Length(p.Default!))} "
                + $"characters long; shorten it to at most {TextRules.Count(MaxDefaultLength)}.")
            .Must(d => TextRules.IndexOfInvisible(d!) < 0)
            .WithMessage(p => $"Default value of {Subject(p)} contains "
                + $"{TextRules.DescribeAt(p.Default!, TextRules.IndexOfInvisible(p.Default!))}; remove it.")
            .When(p => p.Default is not null);
    }

    /// <summary>"parameter {userId}", or "this parameter" while the entry has no name.</summary>
    private static string Subject(UriParameter parameter) =>
        string.IsNullOrEmpty(parameter.Name) ? "this parameter" : $"parameter {{{parameter.Name}}}";
}
