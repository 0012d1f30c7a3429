using FluentValidation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>The rules of one parameter row that need no other row (DESIGN §3.1).</summary>
public sealed class ParameterRowValidator : AbstractValidator<FieldRow>
{
    public ParameterRowValidator()
    {
        RuleFor(r => r.Key)
            .Cascade(CascadeMode.Stop)
            .Must(k => !string.IsNullOrEmpty(k))
            .WithMessage("Parameter key is required; enter the name that the receiving system expects, e.g. userId.")
            .Must(k => k.Length <= FieldRowRules.MaxKeyLength)
            .WithMessage(r => $"Parameter key is {r.Key.Length} characters long; shorten it to at most "
                + $"{FieldRowRules.MaxKeyLength}.");

        RuleFor(r => r.Value)
            .Custom((_, context) => FieldRowRules.CheckValue(context.InstanceToValidate, "parameter", context));
    }
}
