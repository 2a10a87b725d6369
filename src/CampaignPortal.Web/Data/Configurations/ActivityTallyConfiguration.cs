using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class ActivityTallyConfiguration : IEntityTypeConfiguration<ActivityTally>
{
    public void Configure(EntityTypeBuilder<ActivityTally> builder)
    {
        // Activities are never deleted and hold their campaign (Restrict), so tallies need no cascade either.
        // The campaign comes first: the list and the roll-up read one campaign's rows (at most units × categories).
        builder.HasKey(t => new { t.CampaignId, t.OrganisationId, t.CategoryKey });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
