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
/// <para>
/// Limits, so that neither the form nor the API is handed more than a person can review: at most
/// <see cref="MaxHeaders"/> header rows, <see cref="MaxParameters"/> parameter rows and
/// <see cref="UriTemplateParser.MaxParameters"/> URI parameter entries (over a limit, only the count is reported, so
/// that a huge list costs nothing per row); a URI of at most <see cref="UriTemplateParser.MaxLength"/> characters;
/// names of at most <see cref="MaxNameLength"/>, labels of 1 to <see cref="UriParameterValidator.MaxLabelLength"/>,
/// defaults of at most <see cref="UriParameterValidator.MaxDefaultLength"/>, keys and attribute names of at most
/// <see cref="FieldRowRules.MaxKeyLength"/>, fixed values of at most <see cref="FieldRowRules.MaxValueLength"/> and
/// a trigger filter of at most <see cref="MaxFilterLength"/> characters. Characters are counted as people see them
/// (text elements), and typed text may hold no control or invisible characters.
/// </para>
/// </remarks>
public sealed class WebHookDefinitionValidator : AbstractValidator<WebHookDefinition>
{
    public const string ExceptIdKey = "WebHookPanel.ExceptId";

    public const int MaxNameLength = 100;

    public const int MaxHeaders = 50;

    public const int MaxParameters = 100;

    public const int MaxFilterLength = 200;

    private readonly IWebHookNameCheck? _nameCheck;

    public WebHookDefinitionValidator(IWebHookNameCheck? nameCheck = null)
    {
        _nameCheck = nameCheck;

        RuleFor(h => h.Name)
            .Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("Name is required; enter a name for the webhook, e.g. Push click to CRM.")
            .Must(n => !TextRules.IsLongerThan(n.Trim(), MaxNameLength))
            .WithMessage(h => $"Name is {TextRules.Length(h.Name.Trim())} characters long; shorten it to at most "
                + $"{MaxNameLength}.")
            .Must(n => TextRules.IndexOfInvisible(n) < 0)
            .WithMessage(h => $"Name contains {TextRules.DescribeAt(h.Name, TextRules.IndexOfInvisible(h.Name))}; "
                + "remove it.");

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
        RuleFor(h => h.Trigger.Filter)
            .Custom((filter, context) => CheckFilter(filter!, context.InstanceToValidate.Trigger.Type, context))
            .When(h => h.Trigger is { Filter: not null });

        // A JSON null would be stored as is and break every later read of the hook.
        RuleFor(h => h.Signing).NotNull().WithMessage("Signing settings are missing; send { \"enabled\": false } "
            + "to leave signing off.");
        RuleFor(h => StatusOf(h))
            .IsInEnum()
            .OverridePropertyName("Status")
            .WithMessage("Status must be PendingReview, Active, Paused or Rejected.");

        RuleFor(h => h.UriParameters)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage("The list of URI parameters is missing; send an empty list when the URI has no parameters.")
            .Must(p => p.Count <= UriTemplateParser.MaxParameters)
            .WithMessage(h => $"There are {TextRules.Count(h.UriParameters.Count)} URI parameter entries; a webhook "
                + $"can have at most {UriTemplateParser.MaxParameters}, remove the entries that are not in the URI.");
        RuleFor(h => h.Headers)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage("The list of headers is missing; send an empty list when there are no headers.")
            .Must(r => r.Count <= MaxHeaders)
            .WithMessage(h => $"There are {TextRules.Count(h.Headers.Count)} headers; a webhook can send at most "
                + $"{MaxHeaders}, remove {TextRules.Count(h.Headers.Count - MaxHeaders)}.");
        RuleFor(h => h.Parameters)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage("The list of parameters is missing; send an empty list when there are no parameters.")
            .Must(r => r.Count <= MaxParameters)
            .WithMessage(h => $"There are {TextRules.Count(h.Parameters.Count)} parameters; a webhook can send at "
                + $"most {MaxParameters}, remove {TextRules.Count(h.Parameters.Count - MaxParameters)}.");

        // Over a limit only the count is reported: rows beyond it are not worth checking one by one.
        RuleForEach(h => h.UriParameters)
            .NotNull()
            .WithMessage("This URI parameter entry is empty; remove it.")
            .SetValidator(new UriParameterValidator())
            .When(h => h.UriParameters is { Count: <= UriTemplateParser.MaxParameters });
        RuleForEach(h => h.Headers)
            .NotNull()
            .WithMessage("This header row is empty; remove it.")
            .SetValidator(new HeaderRowValidator())
            .When(h => h.Headers is { Count: <= MaxHeaders });
        RuleForEach(h => h.Parameters)
            .NotNull()
            .WithMessage("This parameter row is empty; remove it.")
            .SetValidator(new ParameterRowValidator())
            .When(h => h.Parameters is { Count: <= MaxParameters });

        RuleFor(h => h.UriParameters)
            .Custom((_, context) => CheckLabels(context.InstanceToValidate, context))
            .When(h => h.UriParameters is { Count: <= UriTemplateParser.MaxParameters });
        RuleFor(h => h.Headers)
            .Custom((rows, context) => CheckUnique(rows, "Headers", StringComparer.OrdinalIgnoreCase, context))
            .When(h => h.Headers is { Count: <= MaxHeaders });
        RuleFor(h => h.Parameters)
            .Custom((rows, context) => CheckUnique(rows, "Parameters", StringComparer.Ordinal, context))
            .When(h => h.Parameters is { Count: <= MaxParameters });
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

    // Only the API's resource carries a status; the form's definition has none to check.
    private static WebHookStatus? StatusOf(WebHookDefinition hook) => (hook as WebHookResource)?.Status;

    // The filter is matched exactly against what events send, so invisible characters would make it never match.
    private static void CheckFilter(string filter, TriggerType type, ValidationContext<WebHookDefinition> context)
    {
        var what = type == TriggerType.Event ? "Event code" : "Filter";
        var invisible = TextRules.IndexOfInvisible(filter);
        if (invisible >= 0)
        {
            context.AddFailure($"{what} contains {TextRules.DescribeAt(filter, invisible)}; remove it.");
        }

        if (TextRules.IsLongerThan(filter, MaxFilterLength))
        {
            context.AddFailure($"{what} is {TextRules.Count(TextRules.Length(filter))} characters long; shorten it "
                + $"to at most {MaxFilterLength}.");
        }
    }

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
            // An entry without a name is reported by its own validator.
            var name = entries[i]?.Name;
            if (string.IsNullOrEmpty(name))
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
