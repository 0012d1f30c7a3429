using FluentValidation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>The label rules of one URI parameter entry (DESIGN §3.1).</summary>
public sealed class UriParameterValidator : AbstractValidator<UriParameter>
{
    public const int MaxLabelLength = 50;

    public UriParameterValidator()
    {
        RuleFor(p => p.Label)
            .Cascade(CascadeMode.Stop)
            .Must(l => !string.IsNullOrWhiteSpace(l))
            .WithMessage(p => $"Label of parameter {{{p.Name}}} is required; enter what a marketer should see "
                + "when filling in a value, e.g. CRM user id.")
            .Must(l => l.Trim().Length <= MaxLabelLength)
            .WithMessage(p => $"Label of parameter {{{p.Name}}} is {p.Label.Trim().Length} characters long; "
                + $"shorten it to at most {MaxLabelLength}.");
    }
}
