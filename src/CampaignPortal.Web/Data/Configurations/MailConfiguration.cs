using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class MailConfiguration :
    IEntityTypeConfiguration<OutboxMessage>,
    IEntityTypeConfiguration<Reminder>,
    IEntityTypeConfiguration<JobLease>,
    IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RequestedBy).HasMaxLength(Schema.EntityId).IsRequired();
        builder.Property(x => x.StorageKey).HasMaxLength(Schema.MediumText).IsUnicode(false);
        builder.Property(x => x.FileName).HasMaxLength(Schema.FileName);
        builder.Property(x => x.Error).HasMaxLength(Schema.LongText);
        builder.Property(x => x.LockedBy).HasMaxLength(Schema.EntityId);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Status, x.CreatedAt });
        builder.HasIndex(x => x.ExpiresAt);
    }

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(x => x.To).HasMaxLength(Schema.Email).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(x => x.Body).HasMaxLength(Schema.Description).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(Schema.ShortText).IsRequired();
        builder.Property(x => x.LastError).HasMaxLength(Schema.LongText);
        builder.Property(x => x.LockedBy).HasMaxLength(Schema.EntityId);

        // The worker picks due, unclaimed messages; the organiser lists a campaign's.
        builder.HasIndex(x => new { x.Status, x.NextAttemptAt });
        builder.HasIndex(x => new { x.CampaignId, x.OrganisationId });
    }

    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(x => x.OccasionKey).HasMaxLength(Schema.ShortText).IsRequired();
        builder.Property(x => x.SentBy).HasMaxLength(Schema.PersonName);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.CampaignId, x.OrganisationId, x.OccasionKey }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(Schema.ShortText);
        builder.Property(x => x.Holder).HasMaxLength(Schema.EntityId).IsRequired();
    }
}
