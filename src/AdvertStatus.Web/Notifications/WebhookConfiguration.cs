using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Notifications;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("Webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(Lengths.Name);
        builder.Property(w => w.Url).HasMaxLength(WebhookRequest.MaxUrlLength);
        builder.Property(w => w.Format).HasMaxLength(16);
        builder.Property(w => w.Secret).HasMaxLength(WebhookRequest.MaxSecretLength);
        builder.Property(w => w.CreatedBy).HasMaxLength(Lengths.Name);
        builder.Property(w => w.LastError).HasMaxLength(1000);
    }
}
