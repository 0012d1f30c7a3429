using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using WebHookPanel.Requests;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Signing;

/// <summary>A rotated-out secret signs beside the new one for exactly 24 hours, on a clock the test drives.</summary>
public sealed class RotationClockTests : IAsyncLifetime
{
    private const string MessageId = "msg_rotation";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private PanelDatabase _database = null!;
    private SigningKeyStore _keys = null!;
    private RequestSigner _signer = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await PanelDatabase.CreateAsync(Token);
        _keys = new SigningKeyStore(_database.ContextFactory, new EphemeralDataProtectionProvider(), _clock);
        _signer = new RequestSigner(_keys, _clock);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Sign_AfterRotation_OldSecretSignsFor24HoursOnly()
    {
        var hookId = await _database.Store.CreateAsync(Hook(), TestActors.Admin, WebHookStatus.Active, Token);
        var oldSecret = await _keys.CurrentAsync(hookId, Token);
        await _keys.RotateAsync(hookId, _ => { }, Token);
        var newSecret = await _keys.CurrentAsync(hookId, Token);

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var lastSecondOfOverlap = await SignatureAsync(hookId);
        var expectedDuringOverlap = SignedWith(newSecret, oldSecret);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var afterOverlap = await SignatureAsync(hookId);

        Assert.Equal(expectedDuringOverlap, lastSecondOfOverlap);
        Assert.Equal(SignedWith(newSecret), afterOverlap);
        Assert.DoesNotContain(SignedWith(oldSecret), afterOverlap, StringComparison.Ordinal);
        Assert.Equal(newSecret, await _keys.CurrentAsync(hookId, Token));
    }

    private static WebHookDefinition Hook() => new()
    {
        Name = "Signed hook",
        Uri = "https://receiver.example/hook",
        Signing = new SigningSettings { Enabled = true },
    };

    private async Task<string> SignatureAsync(int hookId)
    {
        var request = new BuiltRequest
        {
            Method = "POST",
            Url = "https://receiver.example/hook",
            Headers = [],
            Body = "{}",
            Omitted = [],
        };
        var signed = await _signer.SignAsync(request, Hook(), hookId, MessageId, Token);

        return signed.Headers.Single(h => h.Name == RequestSigner.SignatureHeader).Value;
    }

    private string SignedWith(params string[] secrets) =>
        SigningSecret.Sign(MessageId, _clock.GetUtcNow().ToUnixTimeSeconds(), "{}", secrets);

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
