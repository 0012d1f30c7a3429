using Microsoft.EntityFrameworkCore;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Validation;

/// <summary>A hook stored before parameter rows could no longer be flagged secret stays editable.</summary>
public sealed class StoredSecretParameterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Revise_HookStoredWithASecretParameterFlag_ReadsWithoutTheFlagAndSaves()
    {
        await using var database = await PanelDatabase.CreateAsync(Token);
        var stored = TestData.Hook("https://crm.example.com/clicks", WebHookMethod.POST);
        stored.Parameters.Add(TestData.Fixed("api_key", "k-123", secret: true));
        var id = await database.Store.CreateAsync(stored, TestActors.Admin, null, Token);
        await using (var context = await database.ContextFactory.CreateDbContextAsync(Token))
        {
            var json = await context.Database
                .SqlQuery<string>($"SELECT DefinitionJson AS Value FROM WebHookVersions WHERE WebHookId = {id}")
                .SingleAsync(Token);
            Assert.Contains("\"secret\":true", json, StringComparison.Ordinal);
        }

        var read = (await database.Store.FindAsync(id, Token))!;
        read.Name = "Renamed";
        var saved = await database.Commands.ReviseAsync(id, read, TestActors.Admin, Token);

        Assert.False(Assert.Single(read.Parameters).Secret);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.All.SelectMany(e => e.Value)));
    }
}
