using WebHookPanel.Requests;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Secrets;

/// <summary>
/// One incoming definition matched against the stored secrets it may keep (<see cref="DefinitionSecrets"/>): what to
/// validate, what to store and what to build a request from.
/// </summary>
public sealed class SecretSealing
{
    private readonly HeaderSecretProtector _protector;
    private readonly Dictionary<string, string> _stored;
    private readonly HashSet<string> _ownTokens;

    internal SecretSealing(
        HeaderSecretProtector protector,
        WebHookDefinition definition,
        Dictionary<string, string> stored,
        HashSet<string> ownTokens)
    {
        _protector = protector;
        _stored = stored;
        _ownTokens = ownTokens;
        Definition = definition;
    }

    /// <summary>The incoming definition, kept secrets as the mask: what the validator checks.</summary>
    public WebHookDefinition Definition { get; }

    /// <summary>
    /// The keys of the header rows whose stored secret this definition keeps: sent as the mask, or as one of this
    /// hook's own encrypted values. Opening the definition shows these in clear, so a reveal records them all.
    /// </summary>
    public IReadOnlyList<string> KeptKeys =>
        [.. (Definition.Headers ?? []).Where(r => IsKept(r) || r.Value is { } value && _ownTokens.Contains(value))
            .Select(r => r.Key)];

    /// <summary>Adds the errors of rows that hold the mask without a stored secret to keep.</summary>
    public void Check(FormErrors errors) =>
        DefinitionSecrets.CheckMasks(Definition, _stored.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), errors);

    /// <summary>
    /// The definition to store: kept rows carry their stored value (encrypted now if it was stored before
    /// encryption), as do rows that hold one of this hook's own stored encrypted values; typed secret values are
    /// encrypted. Call only once the definition is valid.
    /// </summary>
    public WebHookDefinition Seal()
    {
        var sealedCopy = Definition.Clone();
        foreach (var row in sealedCopy.Headers.Where(SecretHeaderRule.HoldsSecret))
        {
            if (IsKept(row))
            {
                var stored = _stored[row.Key];
                row.Value = HeaderSecretProtector.IsProtected(stored) ? stored : _protector.Protect(stored);
            }
            else if (!_ownTokens.Contains(row.Value))
            {
                row.Value = _protector.Protect(row.Value);
            }
        }

        return sealedCopy;
    }

    /// <summary>The definition with every secret in clear, kept ones decrypted: to build a request from.</summary>
    public WebHookDefinition Open()
    {
        var open = Definition.Clone();
        foreach (var row in open.Headers.Where(SecretHeaderRule.HoldsSecret))
        {
            if (IsKept(row))
            {
                row.Value = _protector.Unprotect(_stored[row.Key], row.Key);
            }
            else if (_ownTokens.Contains(row.Value))
            {
                row.Value = _protector.Unprotect(row.Value, row.Key);
            }
        }

        return open;
    }

    private bool IsKept(FieldRow? row) =>
        row is not null && SecretMask.IsMask(row.Value) && SecretHeaderRule.HoldsSecret(row)
        && _stored.ContainsKey(row.Key ?? "");
}
