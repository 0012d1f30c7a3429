using FluentValidation;
using WebHookPanel.Api;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

public sealed class IncomingEventValidator : AbstractValidator<IncomingEvent>
{
    public const int MaxIdLength = 200;

    /// <summary>As long as a hook's filter, which the code is matched against.</summary>
    public const int MaxCodeLength = WebHookDefinitionValidator.MaxFilterLength;

    // A character as people see it may carry any number of combining marks: ids and codes are stored, indexed and
    // sent with every request, so their size in code units is bounded too, with room for emoji families (eleven).
    private const int CodeUnitsPerCharacter = 16;

    /// <remarks>Lengths count what people see (text elements), as the webhook form's: an emoji counts once.</remarks>
    public IncomingEventValidator()
    {
        RuleFor(e => e.Id)
            .NotEmpty().WithMessage("Leave 'id' out or give a non-empty id.")
            .Must(id => !TextRules.IsLongerThan(id!, MaxIdLength))
            .WithMessage(e => $"The id is {TextRules.Count(TextRules.Length(e.Id!))} characters long; shorten it "
                + $"to at most {MaxIdLength}.")
            .Must(id => id!.Length <= MaxIdLength * CodeUnitsPerCharacter)
            .WithMessage(e => $"The id takes {e.Id!.Length} UTF-16 code units with its combining marks; keep it "
                + $"within {MaxIdLength * CodeUnitsPerCharacter}.")
            .When(e => e.Id is not null);
        RuleFor(e => e.Type)
            .NotNull().WithMessage("Give the trigger type: PushClick, MessageLog, Geofence or Event.");
        RuleFor(e => e.Code)
            .NotEmpty().WithMessage("An 'Event' event needs its event code in 'code'.")
            .When(e => e.Type == TriggerType.Event);
        RuleFor(e => e.Code)
            .Must(code => !TextRules.IsLongerThan(code!, MaxCodeLength))
            .WithMessage(e => $"The code is {TextRules.Count(TextRules.Length(e.Code!))} characters long; shorten "
                + $"it to at most {MaxCodeLength}.")
            .Must(code => code!.Length <= MaxCodeLength * CodeUnitsPerCharacter)
            .WithMessage(e => $"The code takes {e.Code!.Length} UTF-16 code units with its combining marks; keep "
                + $"it within {MaxCodeLength * CodeUnitsPerCharacter}.")
            .When(e => e.Code is not null);
        RuleFor(e => e.OccurredAt)
            .NotNull().WithMessage("Give the time of the event in 'occurredAt', e.g. 2026-12-03T10:15:00Z.");
    }
}
