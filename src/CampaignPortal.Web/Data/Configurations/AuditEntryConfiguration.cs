using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorUserId).HasMaxLength(Schema.EntityId);
        builder.Property(a => a.ActorName).HasMaxLength(Schema.Email);
        builder.Property(a => a.EntityType).HasMaxLength(Schema.EntityType);
        builder.Property(a => a.EntityId).HasMaxLength(Schema.EntityId);
        builder.Property(a => a.Detail).HasMaxLength(Schema.AuditDetail);
        builder.Property(a => a.IpAddress).HasMaxLength(Schema.IpAddress);
        builder.Property(a => a.RequestId).HasMaxLength(Schema.RequestId);

        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.OrganisationId, a.OccurredAt });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => new { a.SubjectOrganisationId, a.OccurredAt });
    }
}
