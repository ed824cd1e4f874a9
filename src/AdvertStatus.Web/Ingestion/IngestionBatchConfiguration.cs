using System.Text.Json;
using AdvertStatus.Core.Sources;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Ingestion;

internal sealed class IngestionBatchConfiguration : IEntityTypeConfiguration<IngestionBatch>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<IngestionBatch> builder)
    {
        builder.ToTable("IngestionBatches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(24);
        // A JSON text column of its own making, not an owned JSON entity: the append sets it with one plain UPDATE
        // (ExecuteUpdate), where change tracking of an owned collection cost a millisecond a request.
        builder.Property(b => b.Sources).HasConversion(
            sources => JsonSerializer.Serialize(sources, JsonOptions),
            json => JsonSerializer.Deserialize<List<SourceCount>>(json, JsonOptions) ?? new List<SourceCount>(),
            new ValueComparer<IList<SourceCount>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        // The pending batches, oldest first; and a lost commit's look-up by its token.
        builder.HasIndex(b => new { b.ProjectedAt, b.Id });
        builder.HasIndex(b => b.CommitToken);
    }
}
