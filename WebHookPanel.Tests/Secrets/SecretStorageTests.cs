using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Dispatching;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Dispatching;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Secrets;

/// <summary>Secret header values as stored and as the admin API answers them, through a running panel.</summary>
public sealed class SecretStorageTests : IAsyncLifetime
{
    private readonly string _apiKey = $"api-key-{Guid.NewGuid():N}";
    private readonly string _token = $"token-{Guid.NewGuid():N}";
    private DispatchHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await DispatchHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SaveAndDeliver_SecretHeaders_PlaintextAbsentFromDatabaseFiles()
    {
        var hook = SecretHook();
        hook.Signing.Enabled = true;
        var hookId = await _host.CreateHookAsync(hook);
        var replaced = $"replaced-{Guid.NewGuid():N}";
        var revision = await GetAsync(hookId);
        revision["headers"]![0]!["value"] = replaced;
        using var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", revision, Token);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var posted = await _host.PostEventsAsync(DispatchTestData.Event("secret-at-rest"));
        await _host.OnlyDeliveryWhenAsync(hookId, d => d.Status == DeliveryStatus.Succeeded, "the delivery succeeded");
        var signingSecret = await _host.Factory.Services.GetRequiredService<SigningKeyStore>()
            .CurrentAsync(hookId, Token);

        var received = _host.Receiver.Requests.Single();
        Assert.Equal(replaced, received.Header("X-Api-Key"));
        Assert.Equal($"Bearer {_token}", received.Header("Authorization"));
        var stored = await StoredDefinitionJsonAsync(hookId);
        Assert.All(stored, json => Assert.Contains(HeaderSecretProtector.Prefix, json, StringComparison.Ordinal));
        var files = DatabaseFiles();
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = ReadShared(file);
            foreach (var plaintext in new[] { _apiKey, _token, replaced, signingSecret[SigningSecret.Prefix.Length..] })
            {
                AssertAbsent(bytes, plaintext, file);
            }
        }
    }

    [Fact]
    public async Task ReadHook_SecretHeaders_AnswersMaskAndSecretFlag()
    {
        using var created = await _host.Api.PostAsJsonAsync("/api/webhooks", SecretHook(), PanelJson.Options, Token);
        var createdText = await created.Content.ReadAsStringAsync(Token);
        var hookId = JsonNode.Parse(createdText)!["id"]!.GetValue<int>();

        var one = await _host.Api.GetStringAsync($"/api/webhooks/{hookId}", Token);
        var list = await _host.Api.GetStringAsync("/api/webhooks", Token);

        var headers = JsonNode.Parse(one)!["headers"]!.AsArray();
        Assert.All(headers.Take(2), h =>
        {
            Assert.Equal(SecretMask.Value, h!["value"]!.GetValue<string>());
            Assert.True(h["secret"]!.GetValue<bool>());
        });
        Assert.Equal("email", headers[2]!["value"]!.GetValue<string>());
        Assert.False(headers[2]!["secret"]!.GetValue<bool>());
        foreach (var answer in new[] { createdText, one, list })
        {
            Assert.DoesNotContain(_apiKey, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(_token, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(HeaderSecretProtector.Prefix, answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Replace_WithMaskAsRead_KeepsStoredSecrets()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await GetAsync(hookId);
        read["name"] = "Renamed, secrets untouched";

        using var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", read, Token);
        var attempt = await _host.TestSendAsync(hookId, "kept-by-mask");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(200, attempt.ResponseStatus);
        var received = _host.Receiver.Requests.Single();
        Assert.Equal(_apiKey, received.Header("X-Api-Key"));
        Assert.Equal($"Bearer {_token}", received.Header("Authorization"));
        Assert.DoesNotContain(_apiKey, await put.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_WithValueLeftOut_KeepsStoredSecret()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await GetAsync(hookId);
        read["headers"]![0]!.AsObject().Remove("value");

        using var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", read, Token);
        await _host.TestSendAsync(hookId, "kept-by-omission");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(_apiKey, _host.Receiver.Requests.Single().Header("X-Api-Key"));
    }

    [Fact]
    public async Task Replace_WithNewValue_SendsTheNewValue()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await GetAsync(hookId);
        read["headers"]![0]!["value"] = "a-new-key";

        using var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", read, Token);
        await _host.TestSendAsync(hookId, "replaced");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var received = _host.Receiver.Requests.Single();
        Assert.Equal("a-new-key", received.Header("X-Api-Key"));
        Assert.Equal($"Bearer {_token}", received.Header("Authorization"));
    }

    [Theory]
    [InlineData("X-Renamed-Key", true, "has no stored secret to keep")]
    [InlineData("X-Api-Key", false, null)]
    [InlineData("X-Visible", false, "type the value again to store it unmasked")]
    public async Task Replace_MaskWithoutStoredSecret_IsRefusedAtThatValue(string key, bool secret, string? message)
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await GetAsync(hookId);
        read["headers"]![0]!["key"] = key;
        read["headers"]![0]!["secret"] = secret;

        using var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", read, Token);

        // X-Api-Key stays secret by its name whatever the flag says, so its stored value is kept.
        if (message is null)
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

            return;
        }

        var problem = await put.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var error = problem.GetProperty("errors").GetProperty("headers[0].value")[0].GetString();
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(1, (await GetAsync(hookId))["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(" ••••••")]
    [InlineData("•••••• ")]
    [InlineData("•••••")]
    [InlineData("•••••••")]
    public async Task Replace_ValueThatOnlyLooksLikeTheMask_IsRefusedAndKeepsTheStoredSecret(string value)
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await GetAsync(hookId);
        read["headers"]![0]!["value"] = value;

        using var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", read, Token);
        await _host.TestSendAsync(hookId, "not-replaced-by-dots");

        var problem = await put.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains(
            "looks like the mask of a stored secret",
            problem.GetProperty("errors").GetProperty("headers[0].value")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(_apiKey, _host.Receiver.Requests.Single().Header("X-Api-Key"));
    }

    [Fact]
    public async Task Create_MaskForNewHook_IsRefused()
    {
        var hook = SecretHook();
        hook.Headers[0].Value = SecretMask.Value;

        using var response = await _host.Api.PostAsJsonAsync("/api/webhooks", hook, PanelJson.Options, Token);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("headers[0].value", out _));
    }

    [Fact]
    public async Task Revise_WithAnOlderStoredVersion_SendsThatVersionsSecret()
    {
        var hookId = await _host.CreateHookAsync(SecretHook());
        var read = await GetAsync(hookId);
        read["headers"]![0]!["value"] = "second-key";
        using (var put = await _host.Api.PutAsJsonAsync($"/api/webhooks/{hookId}", read, Token))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var first = await StoredVersionAsync(hookId, 1);
        var saved = await Commands.ReviseAsync(hookId, first, TestActors.Admin, Token);
        await _host.TestSendAsync(hookId, "restored");

        Assert.True(saved.Succeeded);
        Assert.Equal(_apiKey, _host.Receiver.Requests.Single().Header("X-Api-Key"));
        Assert.Equal(first.Headers[0].Value, (await StoredVersionAsync(hookId, 3)).Headers[0].Value);
    }

    [Fact]
    public async Task Create_WithAnotherHooksEncryptedValue_SendsItAsTyped()
    {
        var otherId = await _host.CreateHookAsync(SecretHook());
        var token = (await StoredVersionAsync(otherId, 1)).Headers[0].Value;
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Headers = [new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = token }];

        var hookId = await _host.CreateHookAsync(hook);
        await _host.TestSendAsync(hookId, "borrowed");

        Assert.Equal(token, _host.Receiver.Requests.Single().Header("X-Api-Key"));
    }

    private WebHookCommands Commands => _host.Factory.Services.GetRequiredService<WebHookCommands>();

    private async Task<WebHookDefinition> StoredVersionAsync(int hookId, int number)
    {
        await using var context = await _host.Database.CreateDbContextAsync(Token);

        return await context.WebHookVersions.AsNoTracking()
            .Where(v => v.WebHookId == hookId && v.Number == number)
            .Select(v => v.Definition)
            .SingleAsync(Token);
    }

    private WebHookResource SecretHook()
    {
        var hook = DispatchTestData.Hook(_host.Receiver.BaseUrl + "/ok");
        hook.Headers =
        [
            new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = _apiKey, Secret = true },
            new FieldRow { Key = "Authorization", Source = ValueSource.Fixed, Value = $"Bearer {_token}" },
            new FieldRow { Key = "X-Email", Source = ValueSource.Profile, Value = "email" },
        ];

        return hook;
    }

    private async Task<JsonNode> GetAsync(int hookId) =>
        JsonNode.Parse(await _host.Api.GetStringAsync($"/api/webhooks/{hookId}", Token))!;

    private async Task<List<string>> StoredDefinitionJsonAsync(int hookId)
    {
        await using var connection = new SqliteConnection(_host.Factory.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DefinitionJson FROM WebHookVersions WHERE WebHookId = $id";
        command.Parameters.AddWithValue("$id", hookId);
        var json = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            json.Add(reader.GetString(0));
        }

        return json;
    }

    private string[] DatabaseFiles()
    {
        var path = new SqliteConnectionStringBuilder(_host.Factory.ConnectionString).DataSource;

        return [.. new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists)];
    }

    // SQLite holds the files open; reading beside it needs to share them.
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        return copy.ToArray();
    }

    private static void AssertAbsent(byte[] bytes, string plaintext, string file)
    {
        foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
        {
            Assert.False(
                bytes.AsSpan().IndexOf(encoding.GetBytes(plaintext)) >= 0,
                $"{Path.GetFileName(file)} holds a secret in clear ({encoding.WebName}).");
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
