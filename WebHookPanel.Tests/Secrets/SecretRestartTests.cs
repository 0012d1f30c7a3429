using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using WebHookPanel.Api;
using WebHookPanel.Dispatching;
using WebHookPanel.Secrets;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Secrets;

/// <summary>Secrets stored by one panel and read by another on the same database; secrets stored in clear.</summary>
public sealed class SecretRestartTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly string _secret = $"key-{Guid.NewGuid():N}";
    private RecordingReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await RecordingReceiver.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task SecondPanel_SameDatabaseAtTheSameTime_SendsTheDecryptedSecret()
    {
        await using var first = PanelFactory.On(_database);
        using var firstApi = first.CreateApiClient();
        var hookId = await CreateAsync(firstApi);
        await using var second = PanelFactory.On(_database);
        using var secondApi = second.CreateApiClient();

        await TestSendAsync(secondApi, hookId);

        Assert.Equal(_secret, Assert.Single(_receiver.Requests).Header("X-Api-Key"));
    }

    [Fact]
    public async Task Restart_SavedSecret_StillDecrypts()
    {
        int hookId;
        await using (var before = PanelFactory.On(_database))
        {
            using var api = before.CreateApiClient();
            hookId = await CreateAsync(api);
        }

        await using var after = PanelFactory.On(_database);
        using var afterApi = after.CreateApiClient();
        await TestSendAsync(afterApi, hookId);

        Assert.Equal(_secret, Assert.Single(_receiver.Requests).Header("X-Api-Key"));
    }

    [Fact]
    public async Task ClearValueStoredBeforeEncryption_IsSentThenEncryptedAtNextStart()
    {
        int hookId;
        await using (var before = PanelFactory.On(_database))
        {
            using var api = before.CreateApiClient();
            hookId = await CreateAsync(api);
            await StoreInClearAsync(hookId);
            await TestSendAsync(api, hookId);
        }

        Assert.Contains(_secret, await DefinitionJsonAsync(hookId), StringComparison.Ordinal);
        await using var after = PanelFactory.On(_database);
        using var afterApi = after.CreateApiClient();
        await TestSendAsync(afterApi, hookId);

        Assert.All(_receiver.Requests, r => Assert.Equal(_secret, r.Header("X-Api-Key")));
        Assert.Equal(2, _receiver.Requests.Count);
        var json = await DefinitionJsonAsync(hookId);
        Assert.Contains(HeaderSecretProtector.Prefix, json, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, json, StringComparison.Ordinal);
        foreach (var file in new[] { _database.FilePath, _database.FilePath + "-wal" }.Where(File.Exists))
        {
            Assert.False(
                ReadShared(file).AsSpan().IndexOf(Encoding.UTF8.GetBytes(_secret)) >= 0,
                $"{Path.GetFileName(file)} still holds the secret in clear.");
        }
    }

    [Fact]
    public async Task LostKeyRing_RevealsAnswer422_RotatingGivesAReadableSigningSecretAgain()
    {
        int hookId;
        await using (var before = PanelFactory.On(_database))
        {
            using var api = before.CreateApiClient();
            hookId = await CreateAsync(api);
            using var first = await api.PostAsync($"/api/webhooks/{hookId}/signing-secret/reveal", null, Token);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        Directory.Delete(_database.FilePath + ".keys", recursive: true);
        await using var after = PanelFactory.On(_database);
        using var afterApi = after.CreateApiClient();

        using var header = await afterApi.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/secrets/reveal",
            new { header = "X-Api-Key" },
            Token);
        using var signing = await afterApi.PostAsync($"/api/webhooks/{hookId}/signing-secret/reveal", null, Token);
        using var rotated = await afterApi.PostAsync($"/api/webhooks/{hookId}/signing-secret/rotate", null, Token);
        using var again = await afterApi.PostAsync($"/api/webhooks/{hookId}/signing-secret/reveal", null, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, header.StatusCode);
        var answer = await header.Content.ReadAsStringAsync(Token);
        Assert.Contains("Type the value again", answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, signing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var secret = await again.Content.ReadFromJsonAsync<RevealedSigningSecret>(Token);
        Assert.StartsWith("whsec_", secret!.Secret, StringComparison.Ordinal);
    }

    private async Task<int> CreateAsync(HttpClient api)
    {
        var hook = DispatchTestData.Hook(_receiver.BaseUrl + "/ok");
        hook.Headers = [new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = _secret }];
        using var response = await api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        return (await response.Content.ReadFromJsonAsync<WebHookResource>(PanelJson.Options, Token))!.Id!.Value;
    }

    private static async Task TestSendAsync(HttpClient api, int hookId)
    {
        using var response = await api.PostAsJsonAsync(
            $"/api/webhooks/{hookId}/test",
            new { @event = DispatchTestData.Event("restart") },
            PanelJson.Options,
            Token);
        var attempt = await response.Content.ReadFromJsonAsync<AttemptRecord>(PanelJson.Options, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, attempt!.ResponseStatus);
    }

    // What a panel from before encryption left behind: the same definition with the value in clear.
    private async Task StoreInClearAsync(int hookId)
    {
        var json = await DefinitionJsonAsync(hookId);
        var start = json.IndexOf(HeaderSecretProtector.Prefix, StringComparison.Ordinal);
        var end = json.IndexOf('"', start);
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE WebHookVersions SET DefinitionJson = $json WHERE WebHookId = $id";
        command.Parameters.AddWithValue("$json", json[..start] + _secret + json[end..]);
        command.Parameters.AddWithValue("$id", hookId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Token));
    }

    private async Task<string> DefinitionJsonAsync(int hookId)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DefinitionJson FROM WebHookVersions WHERE WebHookId = $id";
        command.Parameters.AddWithValue("$id", hookId);

        return (string)(await command.ExecuteScalarAsync(Token))!;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        return copy.ToArray();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
