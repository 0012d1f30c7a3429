using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebHookPanel.Accounts;
using WebHookPanel.ApiKeys;
using WebHookPanel.Audit;
using WebHookPanel.Catalog;
using WebHookPanel.Dispatching;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Data;

/// <summary>The panel's one database: hooks, deliveries, signing keys, API keys, the audit log and Identity's
/// accounts.</summary>
public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : IdentityDbContext<PanelUser>(options)
{
    public DbSet<WebHook> WebHooks => Set<WebHook>();

    public DbSet<WebHookVersion> WebHookVersions => Set<WebHookVersion>();

    public DbSet<CatalogAttribute> CatalogAttributes => Set<CatalogAttribute>();

    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<Attempt> Attempts => Set<Attempt>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PanelDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; stored as a sortable 64-bit value instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
