using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

/// <summary>
/// Reports and their frozen versions. Sections, figures, media and files are owned rows (one table each for the
/// working copy and for versions): figures are rows per (report or version, indicator), never JSON.
/// </summary>
internal sealed class ReportConfiguration :
    IEntityTypeConfiguration<SummaryReport>,
    IEntityTypeConfiguration<ReportVersion>,
    IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<SummaryReport> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.ListVersion).IsConcurrencyToken();
        builder.Property(r => r.UpdatedBy).HasMaxLength(Schema.PersonName);
        builder.Property(r => r.FilerName).HasMaxLength(Schema.PersonName);
        builder.Property(r => r.FilerPhone).HasMaxLength(Schema.Phone);
        builder.Property(r => r.ResponsiblePerson).HasMaxLength(Schema.PersonName);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);

        // One report per unit and campaign; the review queue filters by the owner and status, newest submissions first.
        builder.HasIndex(r => new { r.CampaignId, r.OrganisationId }).IsUnique();
        builder.HasIndex(r => new { r.OwnerOrganisationId, r.Status, r.SubmittedAt });
        builder.HasIndex(r => new { r.OwnerOrganisationId, r.SubmittedAt });
        builder.HasIndex(r => r.OrganisationId);

        builder.OwnsMany(r => r.Sections, Sections<SummaryReport>("SummaryReportSections"));
        builder.OwnsMany(r => r.Figures, Figures<SummaryReport>("SummaryReportFigures"));
        builder.OwnsMany(r => r.Media, Media<SummaryReport>("SummaryReportMedia"));
        builder.OwnsMany(r => r.Files, Files<SummaryReport>("SummaryReportFiles"));
    }

    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.Property(v => v.SubmittedBy).HasMaxLength(Schema.PersonName);
        builder.Property(v => v.ReviewedBy).HasMaxLength(Schema.PersonName);
        builder.Property(v => v.FilerName).HasMaxLength(Schema.PersonName);
        builder.Property(v => v.FilerPhone).HasMaxLength(Schema.Phone);
        builder.Property(v => v.ResponsiblePerson).HasMaxLength(Schema.PersonName);
        builder.Property(v => v.ReviewComment).HasMaxLength(Schema.Description);
        builder.HasOne(v => v.Report).WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();

        builder.OwnsMany(v => v.Sections, Sections<ReportVersion>("ReportVersionSections"));
        builder.OwnsMany(v => v.Figures, Figures<ReportVersion>("ReportVersionFigures"));
        builder.OwnsMany(v => v.Media, Media<ReportVersion>("ReportVersionMedia"));
        builder.OwnsMany(v => v.Files, Files<ReportVersion>("ReportVersionFiles"));
    }

    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.Property(e => e.By).HasMaxLength(Schema.PersonName);
        builder.Property(e => e.Comment).HasMaxLength(Schema.Description);
        builder.HasIndex(e => e.ReportId);
    }

    private static Action<OwnedNavigationBuilder<TOwner, SectionText>> Sections<TOwner>(string table)
        where TOwner : class => b =>
    {
        b.ToTable(table);
        b.Property<int>("Id");
        b.HasKey("Id");
        b.Property(s => s.Title).HasMaxLength(Schema.Title).IsRequired();
        b.Property(s => s.Html).IsRequired();
        b.Property(s => s.Comment).HasMaxLength(Schema.Description);
    };

    private static Action<OwnedNavigationBuilder<TOwner, FigureValue>> Figures<TOwner>(string table)
        where TOwner : class => b =>
    {
        b.ToTable(table);
        b.Property<int>("Id");
        b.HasKey("Id");
        b.Property(f => f.Code).HasMaxLength(Schema.IndicatorCode).IsRequired();
        b.Property(f => f.Note).HasMaxLength(Schema.MediumText);
        b.Ignore(f => f.Value);
    };

    private static Action<OwnedNavigationBuilder<TOwner, ReportMedia>> Media<TOwner>(string table)
        where TOwner : class => b =>
    {
        b.ToTable(table);
        b.Property<int>("Id");
        b.HasKey("Id");
        b.Property(m => m.Outlet).HasMaxLength(Schema.MediumText).IsRequired();
        b.Property(m => m.Title).HasMaxLength(Schema.Title);
        b.Property(m => m.Link).HasMaxLength(Schema.Link);
        b.Property(m => m.PageOrSlot).HasMaxLength(Schema.ShortText);
    };

    private static Action<OwnedNavigationBuilder<TOwner, ReportFile>> Files<TOwner>(string table)
        where TOwner : class => b =>
    {
        b.ToTable(table);
        b.Property<int>("Id");
        b.HasKey("Id");
        b.Property(f => f.Name).HasMaxLength(Schema.FileName).IsRequired();
        b.Property(f => f.Sha256).HasMaxLength(Schema.Sha256).IsRequired();
        b.Property(f => f.Caption).HasMaxLength(Schema.MediumText);
        b.Property(f => f.Material).HasMaxLength(Schema.MediumText);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    };
}
