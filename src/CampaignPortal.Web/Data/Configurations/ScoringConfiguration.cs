using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

/// <summary>Scoring and ranking rounds' criteria and marks, and experts' recusals (issue 16).</summary>
internal sealed class ScoringConfiguration :
    IEntityTypeConfiguration<RoundCriterion>,
    IEntityTypeConfiguration<SelectionScore>,
    IEntityTypeConfiguration<SelectionRecusal>
{
    public void Configure(EntityTypeBuilder<RoundCriterion> builder)
    {
        builder.ToTable("RoundCriteria");
        builder.Property(c => c.Name).HasMaxLength(Schema.ShortText).IsRequired();
        builder.HasOne<SelectionRound>().WithMany(r => r.Criteria).HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RoundId, c.Order }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SelectionScore> builder)
    {
        builder.Property(s => s.ExpertUserId).IsRequired();
        builder.HasOne<SelectionRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ExpertUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoundCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoundId, s.ExpertUserId, s.NominationId, s.CriterionId }).IsUnique();
        builder.HasIndex(s => s.NominationId);
        builder.HasIndex(s => s.ExpertUserId);
        builder.HasIndex(s => s.CriterionId);
    }

    public void Configure(EntityTypeBuilder<SelectionRecusal> builder)
    {
        builder.Property(r => r.ExpertUserId).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(Schema.MediumText);
        builder.Ignore(r => r.ReasonText);
        builder.HasOne<Selection>().WithMany().HasForeignKey(r => r.SelectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ExpertUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SelectionId, r.ExpertUserId, r.NominationId }).IsUnique();
        builder.HasIndex(r => r.NominationId);
        builder.HasIndex(r => r.ExpertUserId);
    }
}
