namespace WebHookPanel.Signing;

/// <summary>
/// One signing secret of a hook, encrypted with Data Protection. The current secret has no retirement time; a
/// rotated-out secret keeps signing until <see cref="RetiresAt"/>, so receivers can switch without a gap.
/// </summary>
public sealed class SigningKey
{
    public SigningKey(int webHookId, string protectedSecret, DateTimeOffset createdAt)
    {
        WebHookId = webHookId;
        ProtectedSecret = protectedSecret;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int WebHookId { get; private set; }

    public string ProtectedSecret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiresAt { get; private set; }

    public void Retire(DateTimeOffset at) => RetiresAt = at;
}
