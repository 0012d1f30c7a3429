using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Data;

public sealed class WebHookConfiguration : IEntityTypeConfiguration<WebHook>
{
    public void Configure(EntityTypeBuilder<WebHook> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(100).IsRequired();
        builder.Property(h => h.NormalizedName).HasMaxLength(140).IsRequired();
        builder.HasIndex(h => h.NormalizedName).IsUnique();
        builder.Property(h => h.Method).HasConversion<string>().HasMaxLength(8);
        builder.Property(h => h.TriggerType).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(h => new { h.DeletedAt, h.UpdatedAt });
        builder.HasIndex(h => new { h.TriggerType, h.Status });

        // Events are matched on the trigger of the version in force, not on a change waiting for review.
        builder.Property(h => h.ActiveTriggerType).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(h => new { h.ActiveTriggerType, h.Status });
        builder.Property(h => h.Review).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(h => h.Review);
        builder.Property(h => h.LastDecision).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.LastDecisionBy).HasMaxLength(256);
        builder.Property(h => h.LastDecisionComment).HasMaxLength(WebHookCommands.MaxCommentLength);

        builder.HasMany(h => h.Versions).WithOne().HasForeignKey(v => v.WebHookId);
        builder.Navigation(h => h.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
