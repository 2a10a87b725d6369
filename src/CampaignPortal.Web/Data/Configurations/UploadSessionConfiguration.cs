using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.UserId).HasMaxLength(Schema.EntityId).IsRequired();
        builder.Property(x => x.FileName).HasMaxLength(Schema.FileName).IsRequired();
        builder.Property(x => x.Caption).HasMaxLength(Schema.MediumText);
        builder.Property(x => x.StorageKey).HasMaxLength(Schema.MediumText).IsUnicode(false).IsRequired();
        builder.Property(x => x.ReceivedBytes).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.UserId);
        builder.HasIndex(x => x.UpdatedAt);
    }
}
