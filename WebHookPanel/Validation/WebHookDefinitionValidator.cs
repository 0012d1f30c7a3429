using FluentValidation;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

public sealed class WebHookDefinitionValidator : AbstractValidator<WebHookDefinition>
{
    public WebHookDefinitionValidator()
    {
        RuleFor(d => d.Name).NotEmpty();
    }
}
