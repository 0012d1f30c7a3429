using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.ApiKeys;
using WebHookPanel.Validation;

namespace WebHookPanel.Data;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(NewApiKeyValidator.MaxNameLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        builder.Property(k => k.Hash).HasMaxLength(32);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.Property(k => k.RevokedBy).HasMaxLength(256);

        // One unrevoked key per name, so the name that the audit log records as actor tells the key.
        builder.HasIndex(k => k.Name).IsUnique().HasFilter("\"RevokedAt\" IS NULL");

        // Calls find their key by prefix; SQLite lets any number of keys without one (bootstrap keys) share null.
        builder.HasIndex(k => k.Prefix).IsUnique();
    }
}
