using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.Catalog;

namespace WebHookPanel.Data;

public sealed class CatalogAttributeConfiguration : IEntityTypeConfiguration<CatalogAttribute>
{
    public void Configure(EntityTypeBuilder<CatalogAttribute> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TriggerType).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Name).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(200);
        builder.HasIndex(a => new { a.Kind, a.Name, a.TriggerType }).IsUnique();
        builder.HasData(CatalogSeed.Attributes);
    }
}
