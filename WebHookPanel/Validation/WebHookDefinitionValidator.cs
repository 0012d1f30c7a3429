using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Validation;

/// <summary>
/// Every rule of DESIGN §3.1, shared by the form and the admin API. Errors carry FluentValidation's default paths
/// (<c>Name</c>, <c>Uri</c>, <c>UriParameters[0].Label</c>, <c>Headers[1].Key</c>, <c>Trigger.Filter</c>).
/// </summary>
/// <remarks>
/// All rules but name uniqueness are synchronous, so <c>Validate</c> can run on every keystroke. Uniqueness needs
/// the database: it runs only in <c>ValidateAsync</c>, only when an <see cref="IWebHookNameCheck"/> is given and
/// the name is otherwise valid. When editing, pass the hook's id through
/// <see cref="ValidateAsync(WebHookDefinition, int?, CancellationToken)"/> (or put it in the root context data
/// under <see cref="ExceptIdKey"/>) so that the hook may keep its own name.
/// </remarks>
public sealed class WebHookDefinitionValidator : AbstractValidator<WebHookDefinition>
{
    public const string ExceptIdKey = "WebHookPanel.ExceptId";

    public const int MaxNameLength = 100;

    private readonly IWebHookNameCheck? _nameCheck;

    public WebHookDefinitionValidator(IWebHookNameCheck? nameCheck = null)
    {
        _nameCheck = nameCheck;

        RuleFor(h => h.Name)
            .Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("Name is required; enter a name for the webhook, e.g. Push click to CRM.")
            .Must(n => n.Trim().Length <= MaxNameLength)
            .WithMessage(h => $"Name is {h.Name.Trim().Length} characters long; shorten it to at most "
                + $"{MaxNameLength}.");

        RuleFor(h => h.Uri).Custom((uri, context) =>
        {
            foreach (var error in UriTemplateParser.Parse(uri).Errors)
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, error.Message, uri)
                {
                    CustomState = error,
                });
            }
        });

        RuleFor(h => h.Method).IsInEnum().WithMessage("Method must be GET, POST, PUT, PATCH or DELETE.");
        RuleFor(h => h.BodyEncoding).IsInEnum().WithMessage("Body encoding must be Json or Form.");
        RuleFor(h => h.Trigger).NotNull().WithMessage("Trigger is required; choose what fires the webhook.");
        RuleFor(h => h.Trigger.Type)
            .IsInEnum()
            .WithMessage("Trigger type must be PushClick, MessageLog, Geofence or Event.")
            .When(h => h.Trigger is not null);
        RuleFor(h => h.Trigger.Filter)
            .Must(f => !string.IsNullOrWhiteSpace(f))
            .WithMessage("Event code is required for the Event trigger; enter the event code, e.g. purchase")
            .When(h => h.Trigger is { Type: TriggerType.Event });

        RuleForEach(h => h.UriParameters)
            .NotNull()
            .WithMessage("This URI parameter entry is empty; remove it.")
            .SetValidator(new UriParameterValidator());
        RuleForEach(h => h.Headers)
            .NotNull()
            .WithMessage("This header row is empty; remove it.")
            .SetValidator(new HeaderRowValidator());
        RuleForEach(h => h.Parameters)
            .NotNull()
            .WithMessage("This parameter row is empty; remove it.")
            .SetValidator(new ParameterRowValidator());

        RuleFor(h => h.UriParameters).Custom((_, context) => CheckLabels(context.InstanceToValidate, context));
        RuleFor(h => h.Headers).Custom((rows, context) =>
            CheckUnique(rows, "Headers", StringComparer.OrdinalIgnoreCase, context));
        RuleFor(h => h.Parameters).Custom((rows, context) =>
            CheckUnique(rows, "Parameters", StringComparer.Ordinal, context));
    }

    /// <summary>Validates with name uniqueness, letting the hook <paramref name="exceptId"/> keep its name.</summary>
    public Task<ValidationResult> ValidateAsync(WebHookDefinition hook, int? exceptId, CancellationToken ct)
    {
        var context = new ValidationContext<WebHookDefinition>(hook);
        context.RootContextData[ExceptIdKey] = exceptId;

        return ValidateAsync(context, ct);
    }

    public override async Task<ValidationResult> ValidateAsync(
        ValidationContext<WebHookDefinition> context,
        CancellationToken cancellation = default)
    {
        var result = await base.ValidateAsync(context, cancellation);
        if (_nameCheck is null || !ChecksName(context) || result.Errors.Exists(e => e.PropertyName == "Name"))
        {
            return result;
        }

        var name = context.InstanceToValidate.Name.Trim();
        var exceptId = context.RootContextData.TryGetValue(ExceptIdKey, out var id) ? id as int? : null;
        if (await _nameCheck.IsTakenAsync(name, exceptId, cancellation))
        {
            result.Errors.Add(new ValidationFailure("Name", $"Name '{name}' is already used by another webhook; "
                + "choose a different name.", context.InstanceToValidate.Name));
            if (context.ThrowOnFailures)
            {
                RaiseValidationException(context, result);
            }
        }

        return result;
    }

    // A form that validates one field at a time selects it by path; only a selection that includes the name
    // should wait for the database.
    private static bool ChecksName(ValidationContext<WebHookDefinition> context) =>
        context.Selector is not MemberNameValidatorSelector selector || selector.MemberNames.Contains("Name");

    // Every distinct parameter of a valid URI has exactly one entry, and every entry belongs to the URI. While the
    // URI itself has errors its parameter list is unreliable, so only the labels' own rules run.
    private static void CheckLabels(WebHookDefinition hook, ValidationContext<WebHookDefinition> context)
    {
        var template = UriTemplateParser.Parse(hook.Uri);
        var entries = hook.UriParameters ?? [];
        if (!template.IsValid)
        {
            return;
        }

        foreach (var name in template.ParameterNames)
        {
            if (!entries.Exists(p => p is not null && string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                context.AddFailure(new ValidationFailure("UriParameters", $"Parameter {{{name}}} in the URI has no "
                    + "label; validate the parameters and give it a label, e.g. CRM user id."));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var name = entries[i]?.Name;
            if (name is null)
            {
                continue;
            }

            var message = !template.ParameterNames.Contains(name, StringComparer.Ordinal)
                ? $"Parameter {{{name}}} is no longer in the URI; remove this entry, or put {{{name}}} back in the URI."
                : !seen.Add(name)
                    ? $"Parameter {{{name}}} is listed twice; remove this entry."
                    : null;
            if (message is not null)
            {
                context.AddFailure(new ValidationFailure($"UriParameters[{i}].Name", message, name));
            }
        }
    }

    // The later row of a pair is the one to fix, so the error goes on its key.
    private static void CheckUnique(
        List<FieldRow>? rows,
        string collection,
        StringComparer comparer,
        ValidationContext<WebHookDefinition> context)
    {
        if (rows is null)
        {
            return;
        }

        var first = new Dictionary<string, int>(comparer);
        for (var i = 0; i < rows.Count; i++)
        {
            var key = rows[i]?.Key;
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (!first.TryAdd(key, i))
            {
                var message = collection == "Headers"
                    ? $"Header '{key}' is already set in row {first[key] + 1}; header names ignore upper and lower "
                        + "case, so remove this row or rename it."
                    : $"Parameter '{key}' is already set in row {first[key] + 1}; remove this row or rename it.";
                context.AddFailure(new ValidationFailure($"{collection}[{i}].Key", message, key));
            }
        }
    }
}
