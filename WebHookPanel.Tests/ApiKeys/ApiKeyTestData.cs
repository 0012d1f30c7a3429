using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebHookPanel.Accounts;
using WebHookPanel.Api;
using WebHookPanel.ApiKeys;
using WebHookPanel.Audit;
using WebHookPanel.Data;
using WebHookPanel.Tests.Infrastructure;

namespace WebHookPanel.Tests.ApiKeys;

internal static class ApiKeyTestData
{
    public static ClaimsPrincipal Admin { get; } = Person(PanelTestContext.AdminName, PanelRoles.Admin);

    public static ClaimsPrincipal Marketer { get; } = Person(PanelTestContext.MarketerName, PanelRoles.Marketer);

    /// <summary>Creates a key as an admin through the panel's own commands and returns its text and id.</summary>
    public static async Task<(string Key, int Id)> CreateAsync(
        IServiceProvider services,
        string name,
        ApiKeyScopes scopes,
        DateTimeOffset? expiresAt = null)
    {
        var commands = services.GetRequiredService<ApiKeyCommands>();
        var request = new NewApiKey { Name = name, Scopes = scopes, ExpiresAt = expiresAt };

        var created = await commands.CreateAsync(Admin, request, TestContext.Current.CancellationToken);

        Assert.True(created.Succeeded, string.Join(" ", created.Errors.All.SelectMany(e => e.Value)));

        return (created.Key!, created.Id!.Value);
    }

    public static HttpClient Client(PanelFactory panel, string key)
    {
        var client = panel.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);

        return client;
    }

    public static async Task<ApiKey> RowAsync(IServiceProvider services, int id)
    {
        await using var context = await ContextAsync(services);

        return await context.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id, TestContext.Current.CancellationToken);
    }

    public static async Task<List<ApiKey>> RowsAsync(IServiceProvider services, string name)
    {
        await using var context = await ContextAsync(services);

        return await context.ApiKeys.AsNoTracking()
            .Where(k => k.Name == name)
            .OrderBy(k => k.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<List<AuditEntry>> AuditAsync(IServiceProvider services, string targetId)
    {
        await using var context = await ContextAsync(services);

        return await context.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == ApiKeyCommands.TargetType && e.TargetId == targetId)
            .OrderBy(e => e.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private static Task<PanelDbContext> ContextAsync(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<PanelDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);

    private static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "Test"));
}
