using Bunit;
using Microsoft.AspNetCore.Components;
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

/// <summary>The hook page's header values and signing secret: masked for everyone, revealed only by admins.</summary>
public sealed class WebHookDetailsSecretTests : PanelTestContext
{
    private const string ApiKey = "s3cr3t-api-key-5d1e";

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_Marketer_SeesMasksAndNoRevealOrRotate()
    {
        SignInAs(PanelRoles.Marketer);
        var hookId = await CreateSecretHookAsync();
        var signingSecret = await Services.GetRequiredService<SigningKeyStore>().CurrentAsync(hookId, Cancellation);

        var page = RenderPage(hookId);

        page.WaitForAssertion(() => page.Find("[data-testid=hook-header-0-value]"));
        Assert.Equal(SecretMask.Value, page.Find("[data-testid=hook-header-0-value]").TextContent.Trim());
        Assert.Equal("growth", page.Find("[data-testid=hook-header-1-value]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid$=-reveal]"));
        Assert.Empty(page.FindAll("[data-testid=signing-secret-rotate]"));
        Assert.Equal($"whsec_{SecretMask.Value}", page.Find("[data-testid=signing-secret-value]").TextContent);
        Assert.DoesNotContain(ApiKey, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(signingSecret[SigningSecret.Prefix.Length..], page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(HeaderSecretProtector.Prefix, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevealHeader_Admin_ShowsValueOnlyAfterTheClickAndAuditsIt()
    {
        var hookId = await CreateSecretHookAsync();
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => page.Find("[data-testid=hook-header-0-reveal]"));
        Assert.DoesNotContain(ApiKey, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=hook-header-1-reveal]"));

        page.Find("button[data-testid=hook-header-0-reveal]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            ApiKey,
            page.Find("[data-testid=hook-header-0-value]").TextContent.Trim()));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(
            (AdminName, SecretAccess.RevealedAction, "webhook"),
            (entry.Actor, entry.Action, entry.TargetType));
        Assert.Equal(hookId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.TargetId);
        Assert.DoesNotContain(ApiKey, entry.Summary, StringComparison.Ordinal);
        page.Find("button[data-testid=hook-header-0-reveal]").Click();
        page.WaitForAssertion(() => Assert.Equal(
            SecretMask.Value,
            page.Find("[data-testid=hook-header-0-value]").TextContent.Trim()));
    }

    [Fact]
    public async Task RevealAndRotateSigningSecret_Admin_AreAudited()
    {
        var hookId = await CreateSecretHookAsync();
        var page = RenderPage(hookId);
        page.WaitForAssertion(() => page.Find("[data-testid=signing-secret-reveal]"));

        page.Find("button[data-testid=signing-secret-reveal]").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain(
            SecretMask.Value,
            page.Find("[data-testid=signing-secret-value]").TextContent,
            StringComparison.Ordinal));
        page.Find("button[data-testid=signing-secret-rotate]").Click();

        await Dispatching.Eventually.UntilAsync(
            async () => (await AuditAsync()).Count,
            count => count == 2,
            "both actions were audited");
        Assert.Equal(
            [SecretAccess.RevealedAction, SecretAccess.RotatedAction],
            (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Render_AnyUser_ShowsVerificationSnippetsWithCopyButtons()
    {
        var hookId = await CreateSecretHookAsync();

        var page = RenderPage(hookId);

        page.WaitForAssertion(() => page.Find("[data-testid=snippet-csharp]"));
        Assert.Contains("HMACSHA256", page.Find("[data-testid=snippet-csharp]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("button[aria-label='Copy C# receiver']"));
        Assert.Equal(["C#", "Node", "Python"], page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
    }

    private async Task<int> CreateSecretHookAsync()
    {
        await UseDispatchingAsync();
        var hook = new WebHookDefinition
        {
            Name = "Hook with a secret",
            Uri = "https://receiver.example/orders",
            Headers =
            [
                new FieldRow { Key = "X-Api-Key", Source = ValueSource.Fixed, Value = ApiKey, Secret = true },
                new FieldRow { Key = "X-Team", Source = ValueSource.Fixed, Value = "growth" },
            ],
        };
        var commands = Services.GetRequiredService<WebHookCommands>();
        var saved = await commands.CreateAsync(hook, TestActors.Admin, Cancellation);

        return saved.Id!.Value;
    }

    private IRenderedComponent<WebHookDetails> RenderPage(int hookId)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        return RenderWithPopovers<WebHookDetails>(p => p.Add(x => x.Id, hookId));
    }

    private async Task<List<Audit.AuditEntry>> AuditAsync()
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<Data.PanelDbContext>>();
        await using var context = await contexts.CreateDbContextAsync(Cancellation);

        return await context.AuditEntries.AsNoTracking()
            .Where(SecretAudit.Entries)
            .OrderBy(e => e.Id)
            .ToListAsync(Cancellation);
    }
}
