using FluentValidation;
using WebHookPanel.ApiKeys;

namespace WebHookPanel.Validation;

/// <summary>
/// The rules of a new API key. Errors carry the paths <c>Name</c>, <c>Scopes</c> and <c>ExpiresAt</c>; that the name
/// is free among unrevoked keys is checked by <see cref="ApiKeyCommands"/> against the database.
/// </summary>
public sealed class NewApiKeyValidator : AbstractValidator<NewApiKey>
{
    public const int MaxNameLength = 100;

    public NewApiKeyValidator(TimeProvider timeProvider)
    {
        RuleFor(k => k.Name)
            .Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("Name is required; enter what the key is for, e.g. CRM sync.")
            .Must(n => !TextRules.IsLongerThan(n.Trim(), MaxNameLength))
            .WithMessage(k => $"Name is {TextRules.Length(k.Name.Trim())} characters long; shorten it to at most "
                + $"{MaxNameLength}.")
            .Must(n => TextRules.IndexOfInvisible(n) < 0)
            .WithMessage(k => $"Name contains {TextRules.DescribeAt(k.Name, TextRules.IndexOfInvisible(k.Name))}; "
                + "remove it.")
            .Must(n => !string.Equals(n.Trim(), BootstrapApiKey.Name, StringComparison.OrdinalIgnoreCase))
            .WithMessage($"Name '{BootstrapApiKey.Name}' is kept for the key of the Panel__BootstrapApiKey setting; "
                + "choose another name.");

        RuleFor(k => k.Scopes)
            .Must(s => s != ApiKeyScopes.None && (s & ~ApiKeyScopes.All) == 0)
            .WithMessage("Scopes: choose at least one, events:write to post events or webhooks:admin for the "
                + "admin API.");

        RuleFor(k => k.ExpiresAt)
            .Must(at => at is null || at > timeProvider.GetUtcNow())
            .WithMessage("Expires must be in the future; pick a later date, or leave it empty for a key that works "
                + "until it is revoked.");
    }
}
