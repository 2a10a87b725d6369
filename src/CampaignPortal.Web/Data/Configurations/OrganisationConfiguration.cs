using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Schema.OrganisationName).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(Schema.OrganisationShortName).IsRequired();
        builder.Property(o => o.Path).HasMaxLength(Schema.OrganisationPath).IsUnicode(false).IsRequired();
        builder.Property(o => o.Phone).HasMaxLength(Schema.Phone);
        builder.Property(o => o.Address).HasMaxLength(Schema.Address);

        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(o => o.Path).IsUnique();
        builder.HasIndex(o => new { o.ParentId, o.Name }).IsUnique();
    }
}
