using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Accounts;
using WebHookPanel.Components.Pages.WebHooks;
using WebHookPanel.Secrets;
using WebHookPanel.Signing;
using WebHookPanel.Tests.Infrastructure;
using WebHookPanel.Tests.Secrets;
using WebHookPanel.Tests.Support;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Tests.Components;

/// <summary>Editing a hook that holds secrets: what reaches the page, what a save keeps, who may reveal.</summary>
public sealed class WebHookEditorSecretTests : PanelTestContext
{
    private const string ApiKey = "s3cr3t-api-key-7f3a";
    private const string Token = "s3cr3t-token-91c2";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PanelRoles.Marketer)]
    [InlineData(PanelRoles.Admin)]
    public async Task EditSecretHook_BeforeAnyReveal_NoSecretInMarkupOrCurl(string role)
    {
        SignInAs(role);
        var hookId = await CreateSecretHookAsync();

        var editor = await OpenFieldsStepAsync(hookId);

        var input = editor.Find("[data-testid=header-0-value] input");
        Assert.Equal("password", input.GetAttribute("type"));
        Assert.Equal("unchanged", input.GetAttribute("placeholder"));
        Assert.True(string.IsNullOrEmpty(input.GetAttribute("value")));
        Assert.Contains($"-H 'X-Api-Key: {SecretMask.Value}'", Text(editor, "curl-template"), StringComparison.Ordinal);
        AssertNoSecret(editor.Markup);
        editor.Find("[data-testid=next]").Click();
        editor.WaitForElement("[data-testid=curl-resolved]");
        Assert.Contains($"-H 'Authorization: {SecretMask.Value}'", Text(editor, "curl-resolved"),
            StringComparison.Ordinal);
        AssertNoSecret(editor.Markup);
    }

    [Fact]
    public async Task EditSecretHook_Marketer_HasNoRevealButton()
    {
        SignInAs(PanelRoles.Marketer);
        var hookId = await CreateSecretHookAsync();

        var editor = await OpenFieldsStepAsync(hookId);

        Assert.Empty(editor.FindAll("button[aria-label^='Reveal the value of header']"));
    }

    [Fact]
    public async Task EditSecretHook_AdminReveals_ShowsStoredValueUnderFieldAndAuditsIt()
    {
        var hookId = await CreateSecretHookAsync();
        var editor = await OpenFieldsStepAsync(hookId);

        editor.Find("button[aria-label='Reveal the value of header 1']").Click();

        editor.WaitForAssertion(() => Assert.Equal(
            ApiKey,
            editor.Find("[data-testid=header-0-value-revealed]").TextContent));
        Assert.True(string.IsNullOrEmpty(editor.Find("[data-testid=header-0-value] input").GetAttribute("value")));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AdminName, SecretAccess.RevealedAction), (entry.Actor, entry.Action));
        Assert.Contains("'X-Api-Key'", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_SecretFieldsUntouched_KeepsStoredValues()
    {
        var hookId = await CreateSecretHookAsync();
        var editor = RenderWithPopovers<WebHookEditor>(p => p.Add(e => e.Id, hookId));
        editor.WaitForElement("[data-testid=name] input").Input("Renamed with secrets kept");

        await SaveAsync(editor, hookId, expectedVersion: 2);

        var stored = await OpenedAsync(hookId);
        Assert.Equal("Renamed with secrets kept", stored.Name);
        Assert.Equal([ApiKey, $"Bearer {Token}"], stored.Headers.Take(2).Select(h => h.Value));
    }

    [Fact]
    public async Task Save_SecretFieldTyped_ReplacesOnlyThatValue()
    {
        var hookId = await CreateSecretHookAsync();
        var editor = await OpenFieldsStepAsync(hookId);

        editor.Find("[data-testid=header-0-value] input").Input("a-new-api-key");
        await SaveAsync(editor, hookId, expectedVersion: 2);

        var stored = await OpenedAsync(hookId);
        Assert.Equal(["a-new-api-key", $"Bearer {Token}"], stored.Headers.Take(2).Select(h => h.Value));
    }

    [Fact]
    public async Task Save_SecretFieldTypedThenCleared_KeepsStoredValue()
    {
        var hookId = await CreateSecretHookAsync();
        var editor = await OpenFieldsStepAsync(hookId);

        editor.Find("[data-testid=header-0-value] input").Input("oops");
        editor.Find("[data-testid=header-0-value] input").Input("");
        Assert.Equal("unchanged", editor.Find("[data-testid=header-0-value] input").GetAttribute("placeholder"));
        await SaveAsync(editor, hookId, expectedVersion: 2);

        Assert.Equal(ApiKey, (await OpenedAsync(hookId)).Headers[0].Value);
    }

    [Fact]
    public async Task RenameKeptSecretHeader_ShowsMessageAndSavesNothing()
    {
        var hookId = await CreateSecretHookAsync();
        var editor = await OpenFieldsStepAsync(hookId);

        editor.Find("[data-testid=header-0-key] input").Input("X-Other-Key");
        editor.Find("[data-testid=next]").Click();

        editor.WaitForAssertion(() => Assert.Contains(
            "has no stored secret to keep",
            editor.Find("[data-testid=header-0-value]").TextContent,
            StringComparison.Ordinal));
        Assert.Empty(editor.FindAll("[data-testid=save]"));
        Assert.Equal(1, (await Services.GetRequiredService<WebHookStore>().FindAsync(hookId, Cancellation))!.Version);
    }

    [Theory]
    [InlineData("X-Access-Token")]
    [InlineData("X-Client-Secret")]
    [InlineData("Api-Key")]
    [InlineData("X-Password")]
    [InlineData("Authorization")]
    public async Task TypeSecretLookingKey_ProposesSecretWithPasswordField(string key)
    {
        await UseDatabaseAsync();
        var editor = RenderWithPopovers<WebHookEditor>();
        editor.Find("[data-testid=name] input").Input("New hook");
        editor.Find("[data-testid=uri] input").Input("https://crm.example.com/x");
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.WaitForElement("[data-testid=add-header]").Click();

        editor.Find("[data-testid=header-0-key] input").Input(key);
        editor.Find("[data-testid=header-0-value] input").Input("typed-secret");

        Assert.Equal("password", editor.Find("[data-testid=header-0-value] input").GetAttribute("type"));
        Assert.Equal("true", editor.Find("button[aria-label='Header 1 secret']").GetAttribute("aria-pressed"));
        Assert.Contains($"-H '{key}: {SecretMask.Value}'", Text(editor, "curl-template"), StringComparison.Ordinal);
        Assert.DoesNotContain("typed-secret", Text(editor, "curl-template"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeOrdinaryKey_LeavesValueVisible()
    {
        await UseDatabaseAsync();
        var editor = RenderWithPopovers<WebHookEditor>();
        editor.Find("[data-testid=name] input").Input("New hook");
        editor.Find("[data-testid=uri] input").Input("https://crm.example.com/x");
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.WaitForElement("[data-testid=add-header]").Click();

        editor.Find("[data-testid=header-0-key] input").Input("X-Team");

        Assert.NotEqual("password", editor.Find("[data-testid=header-0-value] input").GetAttribute("type"));
        Assert.Equal("false", editor.Find("button[aria-label='Header 1 secret']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task EditSignedHook_SampleSignature_IsNotMadeWithTheHooksOwnSecret()
    {
        SignInAs(PanelRoles.Marketer);
        var hookId = await CreateSecretHookAsync(signing: true);
        var secrets = await Services.GetRequiredService<SigningKeyStore>().SecretsAsync(hookId, Cancellation);

        var editor = await OpenFieldsStepAsync(hookId);
        editor.Find("[data-testid=next]").Click();
        var curl = editor.WaitForElement("[data-testid=curl-resolved]").TextContent;

        var id = Regex.Match(curl, "webhook-id: ([^']+)'").Groups[1].Value;
        var timestamp = long.Parse(Regex.Match(curl, "webhook-timestamp: ([0-9]+)'").Groups[1].Value, Culture);
        var signature = Regex.Match(curl, "webhook-signature: ([^']+)'").Groups[1].Value;
        var body = Regex.Match(curl, "--data-raw '([^']*)'").Groups[1].Value;
        Assert.StartsWith("v1,", signature, StringComparison.Ordinal);
        Assert.Equal(("{}", 36), (body, id.Length));
        Assert.NotEqual(SigningSecret.Sign(id, timestamp, body, secrets), signature);
    }

    private async Task<int> CreateSecretHookAsync(bool signing = false)
    {
        await UseDatabaseAsync();
        var hook = new WebHookDefinition
        {
            Name = "Hook with secrets",
            Uri = "https://crm.example.com/users",
            Signing = new SigningSettings { Enabled = signing },
            Headers =
            [
                new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = ApiKey, Secret = true },
                new FieldRow { Key = "Authorization", Source = ValueSource.Fixed, Value = $"Bearer {Token}" },
                new FieldRow { Key = "X-Team", Source = ValueSource.Fixed, Value = "growth" },
            ],
        };
        var commands = Services.GetRequiredService<WebHookCommands>();
        var saved = await commands.CreateAsync(hook, TestActors.Admin, Cancellation);

        return saved.Id!.Value;
    }

    private Task<IRenderedComponent<WebHookEditor>> OpenFieldsStepAsync(int hookId)
    {
        var editor = RenderWithPopovers<WebHookEditor>(p => p.Add(e => e.Id, hookId));
        editor.WaitForElement("[data-testid=name] input");
        editor.Find("[data-testid=next]").Click();
        editor.Find("[data-testid=next]").Click();
        editor.WaitForElement("[data-testid=header-0-value] input");

        return Task.FromResult(editor);
    }

    private async Task SaveAsync(IRenderedComponent<WebHookEditor> editor, int hookId, int expectedVersion)
    {
        for (var step = 0; step < 4 && editor.FindAll("[data-testid=save]").Count == 0; step++)
        {
            editor.Find("[data-testid=next]").Click();
        }

        editor.Find("[data-testid=save]").Click();
        var store = Services.GetRequiredService<WebHookStore>();
        await Dispatching.Eventually.UntilAsync(
            () => store.FindAsync(hookId, Cancellation),
            h => h?.Version == expectedVersion,
            "the edit was saved");
    }

    private async Task<WebHookDefinition> OpenedAsync(int hookId)
    {
        var stored = await Services.GetRequiredService<WebHookStore>().FindAsync(hookId, Cancellation);
        Assert.All(stored!.Headers.Take(2), h => Assert.StartsWith(HeaderSecretProtector.Prefix, h.Value,
            StringComparison.Ordinal));

        return Services.GetRequiredService<HeaderSecretProtector>().Unprotect(stored);
    }

    private async Task<List<Audit.AuditEntry>> AuditAsync()
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<Data.PanelDbContext>>();
        await using var context = await contexts.CreateDbContextAsync(Cancellation);

        return await context.AuditEntries.AsNoTracking().Where(SecretAudit.Entries).ToListAsync(Cancellation);
    }

    private static string Text(IRenderedComponent<WebHookEditor> editor, string testId) =>
        editor.Find($"[data-testid={testId}]").TextContent;

    private static void AssertNoSecret(string markup)
    {
        Assert.DoesNotContain(ApiKey, markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, markup, StringComparison.Ordinal);
        Assert.DoesNotContain(HeaderSecretProtector.Prefix, markup, StringComparison.Ordinal);
    }
}
