using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(c => c.Theme).HasMaxLength(Schema.Theme).IsRequired();
        builder.Property(c => c.PeriodText).HasMaxLength(Schema.MediumText);
        builder.Property(c => c.ReminderSubject).HasMaxLength(Schema.Title);
        builder.Property(c => c.ReminderBody).HasMaxLength(Schema.Description);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.ParentCampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganisationId, c.Year });

        // The template rows and participants belong to the campaign: they go with it.
        builder.HasMany(c => c.Categories).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sections).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Materials).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Indicators).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignPartsConfiguration :
    IEntityTypeConfiguration<ActivityCategory>,
    IEntityTypeConfiguration<ReportSection>,
    IEntityTypeConfiguration<RequiredMaterial>,
    IEntityTypeConfiguration<Indicator>,
    IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<ActivityCategory> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(Schema.ShortText).IsRequired();
    }

    public void Configure(EntityTypeBuilder<ReportSection> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(Schema.ShortText).IsRequired();
        builder.Property(x => x.Guidance).HasMaxLength(Schema.LongText);
    }

    public void Configure(EntityTypeBuilder<RequiredMaterial> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(Schema.ShortText).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(Schema.LongText);
    }

    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(Schema.IndicatorCode).IsUnicode(false).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Schema.OrganisationName).IsRequired();
        builder.Property(x => x.Unit).HasMaxLength(Schema.Unit).IsRequired();
        builder.Property(x => x.Group).HasMaxLength(Schema.ShortText);
        builder.Property(x => x.Help).HasMaxLength(Schema.LongText);
        builder.HasIndex(x => new { x.CampaignId, x.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.ExtensionReason).HasMaxLength(Schema.LongText);
        builder.Property(x => x.ExtendedBy).HasMaxLength(Schema.PersonName);
        builder.HasIndex(x => new { x.CampaignId, x.OrganisationId }).IsUnique();
        builder.HasIndex(x => x.OrganisationId);
    }
}
