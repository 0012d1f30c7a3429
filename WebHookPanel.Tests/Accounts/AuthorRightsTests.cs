using Microsoft.EntityFrameworkCore;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Accounts;

/// <summary>
/// Saving hooks takes the Admin or Marketer role, checked by the commands whatever page or call asks.
/// </summary>
public sealed class AuthorRightsTests : IAsyncLifetime
{
    private PanelDatabase _database = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await PanelDatabase.CreateAsync(Cancellation);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SignedInWithoutARole_CreateAndRevise_AreRefusedAndStoreNothing()
    {
        var commands = _database.Commands;
        var nobody = TestActors.Person("viewer@panel.test", "Viewer");
        var id = (await commands.CreateAsync(Hook("Kept"), TestActors.Marketer, Cancellation)).Id!.Value;

        var created = await commands.CreateAsync(Hook("Refused"), nobody, Cancellation);
        var revised = await commands.ReviseAsync(id, Hook("Renamed"), nobody, Cancellation);

        Assert.True(created.Forbidden);
        Assert.True(revised.Forbidden);
        await using var context = await _database.ContextFactory.CreateDbContextAsync(Cancellation);
        Assert.Equal(["Kept"], await context.WebHooks.Select(h => h.Name).ToListAsync(Cancellation));
    }

    private static WebHookDefinition Hook(string name) => new()
    {
        Name = name,
        Uri = "https://crm.example.com/clicks",
        Trigger = new Trigger { Type = TriggerType.PushClick },
    };
}
