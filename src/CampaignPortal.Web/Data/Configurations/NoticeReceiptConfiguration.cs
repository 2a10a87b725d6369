using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class NoticeReceiptConfiguration : IEntityTypeConfiguration<NoticeReceipt>
{
    public void Configure(EntityTypeBuilder<NoticeReceipt> builder)
    {
        builder.Property(r => r.ReadBy).HasMaxLength(Schema.Email);
        builder.Property(r => r.AcknowledgedBy).HasMaxLength(Schema.Email);
        builder.Property(r => r.Note).HasMaxLength(Schema.MediumText);
        builder.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // One receipt per notice and unit: concurrent first reads insert once, the loser re-reads.
        builder.HasIndex(r => new { r.NoticeId, r.OrganisationId }).IsUnique();
        builder.HasIndex(r => r.OrganisationId);
    }
}
