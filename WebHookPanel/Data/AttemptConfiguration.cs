using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.Dispatching;

namespace WebHookPanel.Data;

/// <summary>Header lists and omitted rows are JSON columns: an attempt is written once and always read whole.</summary>
public sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> builder)
    {
        builder.HasOne<Delivery>().WithMany().HasForeignKey(a => a.DeliveryId);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
        builder.Property(a => a.RequestMethod).HasMaxLength(8);

        // Attempts are never changed, so reference equality is all the change tracker needs.
        var headers = new ValueComparer<IReadOnlyList<AttemptHeader>>(
            (a, b) => ReferenceEquals(a, b),
            h => h.Count,
            h => h);
        var omitted = new ValueComparer<IReadOnlyList<string>>(
            (a, b) => ReferenceEquals(a, b),
            o => o.Count,
            o => o);

        builder.Property(a => a.RequestHeaders)
            .HasConversion(h => AttemptColumns.Write(h), json => AttemptColumns.ReadHeaders(json), headers);
        builder.Property(a => a.ResponseHeaders)
            .HasConversion(h => AttemptColumns.Write(h), json => AttemptColumns.ReadHeaders(json), headers);
        builder.Property(a => a.Omitted)
            .HasConversion(o => AttemptColumns.Write(o), json => AttemptColumns.ReadOmitted(json), omitted);
    }
}
