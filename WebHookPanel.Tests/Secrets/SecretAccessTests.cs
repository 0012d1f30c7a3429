using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Accounts;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Secrets;

/// <summary>The server-side checks behind every reveal and rotation, whatever page or endpoint calls them.</summary>
public sealed class SecretAccessTests : IAsyncLifetime
{
    private PanelDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await PanelDatabase.CreateAsync(Token);
        var services = new ServiceCollection().AddLogging();
        _database.AddTo(services);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Marketer_RevealOrRotate_IsRefusedAndChangesNothing()
    {
        var hookId = await CreateAsync();
        var secretBefore = await Keys.CurrentAsync(hookId, Token);
        var marketer = Person("marketer@panel.test", PanelRoles.Marketer);

        var header = await Access.RevealHeaderAsync(marketer, hookId, "X-Api-Key", Token);
        var signing = await Access.RevealSigningSecretAsync(marketer, hookId, Token);
        var rotated = await Access.RotateSigningSecretAsync(marketer, hookId, Token);

        Assert.Equal(new RevealedSecret(SecretAccessResult.Refused), header);
        Assert.Equal(new RevealedSecret(SecretAccessResult.Refused), signing);
        Assert.Equal(SecretAccessResult.Refused, rotated);
        Assert.Equal(secretBefore, await Keys.CurrentAsync(hookId, Token));
        Assert.Empty(await AuditActionsAsync());
    }

    [Fact]
    public async Task Anonymous_Reveal_IsRefused()
    {
        var hookId = await CreateAsync();

        var header = await Access.RevealHeaderAsync(new ClaimsPrincipal(), hookId, "X-Api-Key", Token);

        Assert.Equal(SecretAccessResult.Refused, header.Result);
        Assert.Null(header.Value);
    }

    [Fact]
    public async Task Admin_RevealThenRotate_AnswersAndAuditsUnderTheirName()
    {
        var hookId = await CreateAsync();
        var admin = Person("admin@panel.test", PanelRoles.Admin);

        var header = await Access.RevealHeaderAsync(admin, hookId, "x-api-key", Token);
        var rotated = await Access.RotateSigningSecretAsync(admin, hookId, Token);

        Assert.Equal(new RevealedSecret(SecretAccessResult.Done, "s3cr3t-value"), header);
        Assert.Equal(SecretAccessResult.Done, rotated);
        Assert.Equal(
            [
                ("admin@panel.test", SecretAccess.RevealedAction, "Revealed the value of header 'X-Api-Key'."),
                ("admin@panel.test", SecretAccess.RotatedAction,
                    "Rotated the signing secret; the previous one keeps signing for 24 hours."),
            ],
            await AuditActionsAsync());
    }

    [Fact]
    public async Task Admin_RevealOnDeletedHook_IsNotFound()
    {
        var hookId = await CreateAsync();
        await _database.Store.DeleteAsync(hookId, TestActors.Admin, Token);
        var admin = Person("admin@panel.test", PanelRoles.Admin);

        var header = await Access.RevealHeaderAsync(admin, hookId, "X-Api-Key", Token);

        Assert.Equal(SecretAccessResult.NotFound, header.Result);
    }

    private SecretAccess Access => _services.GetRequiredService<SecretAccess>();

    private SigningKeyStore Keys => _services.GetRequiredService<SigningKeyStore>();

    private static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)], "test"));

    private async Task<int> CreateAsync()
    {
        var hook = new WebHookDefinition
        {
            Name = "Secret hook",
            Uri = "https://receiver.example/hook",
            Headers = [new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = "s3cr3t-value" }],
        };
        var saved = await _services.GetRequiredService<WebHookCommands>().CreateAsync(hook, TestActors.Admin, Token);

        return saved.Id!.Value;
    }

    private async Task<List<(string Actor, string Action, string Summary)>> AuditActionsAsync()
    {
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Token);
        var entries = await context.AuditEntries.AsNoTracking()
            .Where(SecretAudit.Entries)
            .OrderBy(e => e.Id)
            .ToListAsync(Token);

        return [.. entries.Select(e => (e.Actor, e.Action, e.Summary))];
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
