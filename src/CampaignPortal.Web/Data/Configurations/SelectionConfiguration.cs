using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class SelectionConfiguration :
    IEntityTypeConfiguration<Selection>,
    IEntityTypeConfiguration<SelectionGroup>,
    IEntityTypeConfiguration<SelectionExpert>,
    IEntityTypeConfiguration<Nomination>,
    IEntityTypeConfiguration<NominationFile>
{
    public void Configure(EntityTypeBuilder<Selection> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Schema.Description);
        builder.Property(s => s.Eligibility).HasMaxLength(Schema.Description);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Groups).WithOne().HasForeignKey(g => g.SelectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Groups).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => s.CampaignId);
        builder.HasIndex(s => s.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<SelectionGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(Schema.ShortText).IsRequired();
        builder.HasIndex(g => new { g.SelectionId, g.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SelectionExpert> builder)
    {
        builder.Property(e => e.UserId).IsRequired();
        builder.HasOne<Selection>().WithMany().HasForeignKey(e => e.SelectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Group).WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SelectionId, e.UserId }).IsUnique();
        builder.HasIndex(e => e.UserId);
    }

    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(Schema.PersonName).IsRequired();
        builder.Property(n => n.CandidateOrganisation).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Schema.MediumText);
        builder.Property(n => n.Achievements).HasMaxLength(Schema.RichTextBytes);
        builder.Property(n => n.UnitOpinion).HasMaxLength(Schema.Description);
        builder.Property(n => n.RejectionReason).HasMaxLength(Schema.LongText);
        builder.HasOne<Selection>().WithMany().HasForeignKey(n => n.SelectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Organisation).WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Group).WithMany().HasForeignKey(n => n.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Files).WithOne().HasForeignKey(f => f.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Files).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A unit's quota counts its submitted nominations; the organiser's list filters by status and group.
        builder.HasIndex(n => new { n.SelectionId, n.OrganisationId, n.Status });
        builder.HasIndex(n => new { n.SelectionId, n.Status, n.GroupId });
        builder.HasIndex(n => n.OrganisationId);
        builder.HasIndex(n => n.GroupId);
    }

    public void Configure(EntityTypeBuilder<NominationFile> builder)
    {
        builder.HasOne(f => f.File).WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelectionRoundConfiguration :
    IEntityTypeConfiguration<SelectionRound>,
    IEntityTypeConfiguration<RoundCandidate>,
    IEntityTypeConfiguration<RoundPanellist>,
    IEntityTypeConfiguration<SelectionVote>
{
    public void Configure(EntityTypeBuilder<SelectionRound> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(r => r.MissingVotesReason).HasMaxLength(Schema.LongText);
        builder.Property(r => r.MeetingNote).HasMaxLength(Schema.Description);
        builder.Ignore(r => r.CutOff);
        builder.HasOne<Selection>().WithMany().HasForeignKey(r => r.SelectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.MinutesFile).WithMany().HasForeignKey(r => r.MinutesFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Candidates).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Panel).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Candidates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Panel).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.SelectionId, r.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<RoundCandidate> builder)
    {
        builder.HasOne(c => c.Nomination).WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RoundId, c.NominationId }).IsUnique();
        builder.HasIndex(c => c.NominationId);
    }

    public void Configure(EntityTypeBuilder<RoundPanellist> builder)
    {
        builder.HasOne(p => p.Expert).WithMany().HasForeignKey(p => p.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RoundId, p.ExpertId }).IsUnique();
        builder.HasIndex(p => p.ExpertId);
    }

    public void Configure(EntityTypeBuilder<SelectionVote> builder)
    {
        builder.Property(v => v.ExpertUserId).IsRequired();
        builder.HasOne<SelectionRound>().WithMany().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.ExpertUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.RoundId, v.ExpertUserId, v.NominationId }).IsUnique();
        builder.HasIndex(v => v.NominationId);
        builder.HasIndex(v => v.ExpertUserId);
    }
}
