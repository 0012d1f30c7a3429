using System.Text.Json;
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
            .HasConversion(h => Serialize(h), json => Deserialize<List<AttemptHeader>>(json), headers);
        builder.Property(a => a.ResponseHeaders)
            .HasConversion(h => Serialize(h), json => Deserialize<List<AttemptHeader>>(json), headers);
        builder.Property(a => a.Omitted)
            .HasConversion(o => Serialize(o), json => Deserialize<List<string>>(json), omitted);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, PanelJson.Options);

    private static T Deserialize<T>(string json)
        where T : new() => JsonSerializer.Deserialize<T>(json, PanelJson.Options) ?? new T();
}
