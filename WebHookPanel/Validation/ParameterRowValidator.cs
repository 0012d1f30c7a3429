using FluentValidation;
using WebHookPanel.Secrets;
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
            .Must(k => !string.IsNullOrWhiteSpace(k))
            .WithMessage("Parameter key is only spaces; enter the name that the receiving system expects, "
                + "e.g. userId.")
            .Must(k => !TextRules.IsLongerThan(k, FieldRowRules.MaxKeyLength))
            .WithMessage(r => $"Parameter key is {TextRules.Length(r.Key)} characters long; shorten it to at most "
                + $"{FieldRowRules.MaxKeyLength}.")
            .Must(k => TextRules.IndexOfInvisible(k) < 0)
            .WithMessage(r => "Parameter key contains "
                + $"{TextRules.DescribeAt(r.Key, TextRules.IndexOfInvisible(r.Key))}; remove it.");

        RuleFor(r => r.Source)
            .IsInEnum()
            .WithMessage(r => $"Source of {FieldRowRules.Subject("parameter", r.Key)} must be Fixed, Profile, "
                + "Device or Context.");

        RuleFor(r => r.Value).Custom((_, context) => CheckValue(context.InstanceToValidate, context));

        // Parameter values travel in the URI and the body and are shown as they are; only header values are
        // encrypted and masked, so a credential flagged here would sit in the clear while looking protected.
        RuleFor(r => r.Secret)
            .Equal(false)
            .WithMessage(r => $"Secret cannot be set on {FieldRowRules.Subject("parameter", r.Key)}: only header "
                + "values are encrypted and masked; send the credential in a header row such as Authorization.");
    }

    private static void CheckValue(FieldRow row, ValidationContext<FieldRow> context)
    {
        FieldRowRules.CheckValue(row, "parameter", context);
        var maskLike = SecretMask.IsMask(row.Value) || SecretMask.LooksLikeMask(row.Value);
        if (row.Source == ValueSource.Fixed && maskLike)
        {
            context.AddFailure($"Value of {FieldRowRules.Subject("parameter", row.Key)} is the mask of a secret, not "
                + "a value; type the value to send, and send a credential in a secret header row instead.");
        }

        if (row.Source == ValueSource.Fixed && row.Value is not null
            && TextRules.IsLongerThan(row.Value, FieldRowRules.MaxValueLength))
        {
            context.AddFailure($"Value of {FieldRowRules.Subject("parameter", row.Key)} is "
                + $"{TextRules.Count(TextRules.Length(row.Value))} characters long; shorten it to at most "
                + $"{TextRules.Count(FieldRowRules.MaxValueLength)}.");
        }
    }
}
