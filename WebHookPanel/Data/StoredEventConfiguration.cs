using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Data;

public sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.ClientId).HasMaxLength(200).IsRequired();
        builder.HasIndex(e => e.ClientId).IsUnique();
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Code).HasMaxLength(200);
        builder.Property(e => e.PayloadJson).IsRequired();
    }
}
