using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WebHookPanel.Catalog;
using WebHookPanel.Dispatching;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Data;

public sealed class PanelDbContext(DbContextOptions<PanelDbContext> options) : DbContext(options)
{
    public DbSet<WebHook> WebHooks => Set<WebHook>();

    public DbSet<WebHookVersion> WebHookVersions => Set<WebHookVersion>();

    public DbSet<CatalogAttribute> CatalogAttributes => Set<CatalogAttribute>();

    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<Attempt> Attempts => Set<Attempt>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PanelDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; stored as a sortable 64-bit value instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
