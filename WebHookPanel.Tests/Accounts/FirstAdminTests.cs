using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Accounts;
using WebHookPanel.Data;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.Accounts;

/// <summary>Where the first admin comes from: the bootstrap settings, or else the first-run page, once.</summary>
public sealed class FirstAdminTests
{
    private const string Email = "owner@panel.test";

    private const string Password = "the first admin's password";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstRun_NoAccount_CreatesAnAdminOnceThenAnswers404ToGetAndPost()
    {
        await using var panel = PanelFactory.With(PanelFactory.NoAccounts);
        using var client = new FormClient(panel);
        var login = await client.GetPageAsync(AccountPaths.Login);
        var fields = await client.HiddenFieldsAsync(AccountPaths.FirstRun, "first-run-form");

        using var created = await client.PostFormAsync(AccountPaths.FirstRun, FirstRunFields(fields, Email));
        var users = await client.GetPageAsync("/admin/users");
        var retry = await client.HiddenFieldsAsync("/webhooks", "sign-out-form");
        using var get = await client.GetAsync(AccountPaths.FirstRun);
        using var post = await client.PostFormAsync(AccountPaths.FirstRun, FirstRunFields(retry, "second@panel.test"));

        Assert.Contains("data-testid=\"first-run-link\"", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        Assert.Equal("/", FormClient.LocationOf(created));
        Assert.Contains(Email, users, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal([Email], await EmailsAsync(panel));
        Assert.Equal(["user.created"], await AuditActionsAsync(panel));
    }

    [Fact]
    public async Task FirstRun_ShortPassword_NamesThePasswordFieldAndCreatesNothing()
    {
        await using var panel = PanelFactory.With(PanelFactory.NoAccounts);
        using var client = new FormClient(panel);
        var fields = FirstRunFields(await client.HiddenFieldsAsync(AccountPaths.FirstRun, "first-run-form"), Email);
        fields["Input.Password"] = fields["Input.ConfirmPassword"] = "too short";

        using var response = await client.PostFormAsync(AccountPaths.FirstRun, fields);
        var page = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The password needs at least 12 characters.", page, StringComparison.Ordinal);
        Assert.Empty(await EmailsAsync(panel));
    }

    [Fact]
    public async Task BootstrapAdmin_FromSettings_SignsInAsAdminAndHidesFirstRun()
    {
        await using var panel = new PanelFactory();
        using var client = new FormClient(panel);

        var login = await client.GetPageAsync(AccountPaths.Login);
        using var firstRun = await client.GetAsync(AccountPaths.FirstRun);
        await client.SignInAsAsync(PanelRoles.Admin);
        var users = await client.GetPageAsync("/admin/users");

        Assert.DoesNotContain("data-testid=\"first-run-link\"", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, firstRun.StatusCode);
        Assert.Contains($"data-testid=\"user-role-{PanelFactory.AdminEmail}\"", users, StringComparison.Ordinal);
        Assert.Contains(
            $"{PanelFactory.AdminEmail} created as Admin (from the bootstrap settings).",
            await AuditSummariesAsync(panel));
    }

    [Fact]
    public async Task BootstrapAdmin_PasswordTooShort_StopsStartUpNamingTheSetting()
    {
        await using var panel = PanelFactory.With(new Dictionary<string, string?>
        {
            [$"{PanelFactory.BootstrapAdminSetting}:Password"] = "short",
        });

        var failure = Assert.Throws<InvalidOperationException>(() => panel.Services);

        Assert.Contains("Panel__BootstrapAdmin__Password", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BootstrapAdmin_EmailWithoutPassword_StopsStartUpNamingBothSettings()
    {
        await using var panel = PanelFactory.With(new Dictionary<string, string?>
        {
            [$"{PanelFactory.BootstrapAdminSetting}:Password"] = "",
        });

        var failure = Assert.Throws<InvalidOperationException>(() => panel.Services);

        Assert.Contains("Panel__BootstrapAdmin__Email", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Panel__BootstrapAdmin__Password", failure.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> FirstRunFields(Dictionary<string, string> hidden, string email)
    {
        var fields = new Dictionary<string, string>(hidden)
        {
            ["_handler"] = "first-run",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        };

        return fields;
    }

    private static async Task<List<string>> EmailsAsync(PanelFactory panel)
    {
        await using var context = await ContextAsync(panel);

        return await context.Users.Select(u => u.Email!).ToListAsync(Cancellation);
    }

    private static async Task<List<string>> AuditActionsAsync(PanelFactory panel)
    {
        await using var context = await ContextAsync(panel);

        return await context.AuditEntries.Where(e => e.TargetType == "user").Select(e => e.Action)
            .ToListAsync(Cancellation);
    }

    private static async Task<List<string>> AuditSummariesAsync(PanelFactory panel)
    {
        await using var context = await ContextAsync(panel);

        return await context.AuditEntries.Select(e => e.Summary).ToListAsync(Cancellation);
    }

    private static Task<PanelDbContext> ContextAsync(PanelFactory panel) =>
        panel.Services.GetRequiredService<IDbContextFactory<PanelDbContext>>().CreateDbContextAsync(Cancellation);
}
