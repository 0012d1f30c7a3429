using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.Dispatching;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Data;

public sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.MessageId).HasMaxLength(40).IsRequired();
        builder.Property(d => d.LeaseOwner).HasMaxLength(40);
        builder.Property(d => d.LastError).HasMaxLength(2000);

        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId);

        // Hooks are only ever soft-deleted, so a delivery keeps its hook row and the log its context.
        builder.HasOne<WebHook>().WithMany().HasForeignKey(d => d.WebHookId).OnDelete(DeleteBehavior.Restrict);

        // The claim query: due pending deliveries, and in-flight ones whose lease ran out. Partial, so that most
        // deliveries (sent at once, then finished) enter and leave as few indexes as possible: every index entry
        // is work for the dispatcher's one writer.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasFilter("Status = 'Pending'");
        builder.HasIndex(d => new { d.Status, d.LeaseUntil }).HasFilter("Status = 'InFlight'");

        // A hook's log, newest first, and the consecutive-failure rule's look at its latest end states. The rule
        // passes over deliveries failed by their event; its query repeats this filter word for word, so that a long
        // run of bad events is skipped by the index rather than read row by row.
        builder.HasIndex(d => new { d.WebHookId, d.Id });
        builder.HasIndex(d => new { d.WebHookId, d.FinishedAt })
            .HasFilter("FinishedAt IS NOT NULL AND NOT EventAtFault");
    }
}
