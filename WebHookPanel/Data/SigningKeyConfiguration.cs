using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.Signing;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Data;

public sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.Property(k => k.ProtectedSecret).IsRequired();
        builder.HasIndex(k => new { k.WebHookId, k.RetiresAt });
        builder.HasOne<WebHook>().WithMany().HasForeignKey(k => k.WebHookId);
    }
}
