using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WebHookPanel.WebHooks;

namespace WebHookPanel.Data;

/// <summary>
/// A version's definition is one JSON document: versions are written once and always read whole, so rows and
/// parameters need no tables of their own, and the stored shape is the API's shape.
/// </summary>
public sealed class WebHookVersionConfiguration : IEntityTypeConfiguration<WebHookVersion>
{
    public void Configure(EntityTypeBuilder<WebHookVersion> builder)
    {
        builder.HasIndex(v => new { v.WebHookId, v.Number }).IsUnique();
        builder.Property(v => v.SavedBy).HasMaxLength(256);

        var comparer = new ValueComparer<WebHookDefinition>(
            (a, b) => Serialize(a) == Serialize(b),
            d => Serialize(d).GetHashCode(StringComparison.Ordinal),
            d => d.Clone());

        builder.Property(v => v.Definition)
            .HasConversion(d => Serialize(d), json => Deserialize(json), comparer)
            .HasColumnName("DefinitionJson");
    }

    private static string Serialize(WebHookDefinition? definition) =>
        JsonSerializer.Serialize(definition, PanelJson.Options);

    private static WebHookDefinition Deserialize(string json)
    {
        var definition = JsonSerializer.Deserialize<WebHookDefinition>(json, PanelJson.Stored)
            ?? new WebHookDefinition();

        // The secret flag on a parameter row was once accepted without effect (the value was never encrypted) and
        // is refused now; dropped on reading, so that such a hook can still be edited and saved.
        foreach (var row in definition.Parameters ?? [])
        {
            if (row is not null)
            {
                row.Secret = false;
            }
        }

        return definition;
    }
}
