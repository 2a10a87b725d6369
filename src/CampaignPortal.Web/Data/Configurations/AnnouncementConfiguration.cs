using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class AnnouncementConfiguration :
    IEntityTypeConfiguration<Announcement>,
    IEntityTypeConfiguration<AnnouncementEntry>,
    IEntityTypeConfiguration<Objection>
{
    public const int Reference = 16;

    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(a => a.Body).HasMaxLength(Schema.Description).IsRequired();
        builder.Property(a => a.ContactName).HasMaxLength(Schema.PersonName).IsRequired();
        builder.Property(a => a.ContactPhone).HasMaxLength(Schema.ShortText).IsRequired();
        builder.Ignore(a => a.PeriodText);
        builder.HasOne<Selection>().WithMany().HasForeignKey(a => a.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Entries).WithOne().HasForeignKey(e => e.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One 公示 per selection; the public lists read the newest published ones.
        builder.HasIndex(a => a.SelectionId).IsUnique();
        builder.HasIndex(a => a.OrganisationId);
        builder.HasIndex(a => a.PublishedAt);
    }

    public void Configure(EntityTypeBuilder<AnnouncementEntry> builder)
    {
        builder.Property(e => e.Citation).HasMaxLength(Schema.LongText);
        builder.HasOne(e => e.Nomination).WithMany().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Photo).WithMany().HasForeignKey(e => e.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AnnouncementId, e.NominationId }).IsUnique();
        builder.HasIndex(e => e.NominationId);
        builder.HasIndex(e => e.PhotoFileId);
    }

    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.Property(o => o.Reference).HasMaxLength(Reference).IsRequired();
        builder.Property(o => o.Name).HasMaxLength(Schema.PersonName).IsRequired();
        builder.Property(o => o.Unit).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(o => o.Phone).HasMaxLength(Schema.ShortText).IsRequired();
        builder.Property(o => o.Grounds).HasMaxLength(Schema.Description).IsRequired();
        builder.Property(o => o.Handling).HasMaxLength(Schema.Description);
        builder.Property(o => o.HandledBy).HasMaxLength(Schema.Email);
        builder.HasOne<Announcement>().WithMany().HasForeignKey(o => o.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Nomination).WithMany().HasForeignKey(o => o.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.File).WithMany().HasForeignKey(o => o.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Reference).IsUnique();
        builder.HasIndex(o => new { o.AnnouncementId, o.SubmittedAt });
        builder.HasIndex(o => o.NominationId);
        builder.HasIndex(o => o.FileId);
    }
}
