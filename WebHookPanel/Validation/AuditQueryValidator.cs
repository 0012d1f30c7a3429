using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using WebHookPanel.Audit;

namespace WebHookPanel.Validation;

/// <summary>The rules of an audit log filter, shared by the page and <c>GET /api/audit</c>.</summary>
public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(q => q.From)
            .Must((query, from) => from is null || query.To is null || from <= query.To)
            .WithMessage(q => $"From ({Format(q.From)}) is after To ({Format(q.To)}); pick a From date on or before "
                + "the To date, or clear one of them.");

        TextRule(q => q.Actor, "Actor");
        TextRule(q => q.Action, "Action");
        TextRule(q => q.TargetType, "Target type");
        TextRule(q => q.TargetId, "Target id");
        TextRule(q => q.Search, "Search");
    }

    private void TextRule(Expression<Func<AuditQuery, string?>> property, string label) =>
        RuleFor(property)
            .Must(text => text is null || text.Length <= AuditQuery.MaxTextLength)
            .WithMessage($"{label} is longer than {AuditQuery.MaxTextLength} characters; shorten it.");

    private static string Format(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
