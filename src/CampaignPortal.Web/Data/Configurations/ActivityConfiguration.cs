using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class ActivityConfiguration :
    IEntityTypeConfiguration<Activity>,
    IEntityTypeConfiguration<ActivityMedia>,
    IEntityTypeConfiguration<ActivityPhoto>,
    IEntityTypeConfiguration<MainEvent>,
    IEntityTypeConfiguration<SubVenue>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(a => a.Venue).HasMaxLength(Schema.MediumText);
        builder.Property(a => a.Address).HasMaxLength(Schema.Address);
        builder.Property(a => a.OnlineLink).HasMaxLength(Schema.Link);
        builder.Property(a => a.Organisers).HasMaxLength(Schema.LongText);
        builder.Property(a => a.CoOrganisers).HasMaxLength(Schema.LongText);
        builder.Property(a => a.Audience).HasMaxLength(Schema.MediumText);
        builder.Property(a => a.Description).HasMaxLength(Schema.Description);
        builder.Property(a => a.ContactName).HasMaxLength(Schema.PersonName);
        builder.Property(a => a.ContactPhone).HasMaxLength(Schema.Phone);
        builder.Property(a => a.Outcome).HasMaxLength(Schema.Description);
        builder.Property(a => a.CancellationReason).HasMaxLength(Schema.LongText);

        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // A category removed from the campaign leaves its activities uncategorised.
        builder.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Media).WithOne().HasForeignKey(m => m.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Photos).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);

        // The organiser's list filters by campaign and one of these, ordered by date; the counts group by category and unit.
        builder.HasIndex(a => new { a.CampaignId, a.StartDate });
        builder.HasIndex(a => new { a.CampaignId, a.OrganisationId, a.StartDate });
        builder.HasIndex(a => new { a.CampaignId, a.CategoryId });
        builder.HasIndex(a => new { a.CampaignId, a.Status, a.StartDate });
        builder.HasIndex(a => a.CategoryId);
        builder.HasIndex(a => a.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<ActivityMedia> builder)
    {
        builder.Property(m => m.Outlet).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(Schema.Title);
        builder.Property(m => m.Link).HasMaxLength(Schema.Link);
        builder.Property(m => m.PageOrSlot).HasMaxLength(Schema.ShortText);
    }

    public void Configure(EntityTypeBuilder<ActivityPhoto> builder)
    {
        builder.Property(p => p.Caption).HasMaxLength(Schema.MediumText);
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MainEvent> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(e => e.Venue).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(Schema.Address);
        builder.Property(e => e.Description).HasMaxLength(Schema.Description);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.CampaignId);
    }

    public void Configure(EntityTypeBuilder<SubVenue> builder)
    {
        builder.Property(v => v.Place).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(v => v.Contact).HasMaxLength(Schema.MediumText);
        builder.HasOne(v => v.MainEvent).WithMany().HasForeignKey(v => v.MainEventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Organisation).WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // One sub-venue per unit and main event: a second registration edits the first.
        builder.HasIndex(v => new { v.MainEventId, v.OrganisationId }).IsUnique();
        builder.HasIndex(v => v.OrganisationId);
    }
}
