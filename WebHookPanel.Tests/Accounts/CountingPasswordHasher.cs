using Microsoft.AspNetCore.Identity;
using WebHookPanel.Accounts;

namespace WebHookPanel.Tests.Accounts;

/// <summary>Identity's hasher, counting the verifications: the costly step whose count timing would reveal.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PanelUser>
{
    private readonly PasswordHasher<PanelUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public void Reset() => Interlocked.Exchange(ref _verifications, 0);

    public string HashPassword(PanelUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(
        PanelUser user,
        string hashedPassword,
        string providedPassword)
    {
        Interlocked.Increment(ref _verifications);

        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
