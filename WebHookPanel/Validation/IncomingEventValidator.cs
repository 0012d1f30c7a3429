using FluentValidation;
using WebHookPanel.Api;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

public sealed class IncomingEventValidator : AbstractValidator<IncomingEvent>
{
    public const int MaxIdLength = 200;

    public IncomingEventValidator()
    {
        RuleFor(e => e.Id)
            .NotEmpty().WithMessage("Leave 'id' out or give a non-empty id.")
            .MaximumLength(MaxIdLength).WithMessage($"An event id has at most {MaxIdLength} characters.")
            .When(e => e.Id is not null);
        RuleFor(e => e.Type)
            .NotNull().WithMessage("Give the trigger type: PushClick, MessageLog, Geofence or Event.");
        RuleFor(e => e.Code)
            .NotEmpty().WithMessage("An 'Event' event needs its event code in 'code'.")
            .When(e => e.Type == TriggerType.Event);
        RuleFor(e => e.Code)
            .MaximumLength(200).WithMessage("The code has at most 200 characters.");
        RuleFor(e => e.OccurredAt)
            .NotNull().WithMessage("Give the time of the event in 'occurredAt', e.g. 2026-12-03T10:15:00Z.");
    }
}
