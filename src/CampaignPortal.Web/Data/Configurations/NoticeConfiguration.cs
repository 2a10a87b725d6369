using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignPortal.Web.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(n => n.DocumentNumber).HasMaxLength(Schema.DocumentNumber);
        builder.Property(n => n.MainRecipientsText).HasMaxLength(Schema.RecipientsText);
        builder.Property(n => n.CopyRecipientsText).HasMaxLength(Schema.RecipientsText);
        builder.Property(n => n.BodyHtml).IsRequired();
        builder.Property(n => n.ReportTo).HasMaxLength(Schema.MediumText);
        builder.Property(n => n.ReportMethod).HasMaxLength(Schema.MediumText);
        builder.Property(n => n.WithdrawalReason).HasMaxLength(Schema.LongText);
        builder.Property(n => n.SearchText).HasMaxLength(Schema.SearchText).IsRequired();

        builder.HasOne(n => n.Campaign).WithMany().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notice>().WithMany().HasForeignKey(n => n.AttachedToNoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.Status, n.IsPublic, n.PublicationDate });
        builder.HasIndex(n => n.CampaignId);

        // The public list (top-level notices, newest first): read in order from the index, 20 entries for a page,
        // and counted from it without touching the table (it also serves the AttachedToNoticeId foreign key).
        builder.HasIndex(n => new { n.AttachedToNoticeId, n.PublicationDate, n.Id, n.IsPublic, n.Status });

        builder.HasMany(n => n.Issuers).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Addressees).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Bases).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Contacts).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Attachments).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Revisions).WithOne().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticePartsConfiguration :
    IEntityTypeConfiguration<NoticeIssuer>,
    IEntityTypeConfiguration<NoticeAddressee>,
    IEntityTypeConfiguration<NoticeBasis>,
    IEntityTypeConfiguration<NoticeContact>,
    IEntityTypeConfiguration<NoticeAttachment>,
    IEntityTypeConfiguration<NoticeRevision>,
    IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<NoticeIssuer> builder)
    {
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.OrganisationId, x.NoticeId });
    }

    public void Configure(EntityTypeBuilder<NoticeAddressee> builder)
    {
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.NoticeId, x.OrganisationId }).IsUnique();
        builder.HasIndex(x => x.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<NoticeBasis> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(Schema.Title + Schema.DocumentNumber).IsRequired();
        builder.Property(x => x.DocumentNumber).HasMaxLength(Schema.DocumentNumber);
        builder.HasOne<Notice>().WithMany().HasForeignKey(x => x.LinkedNoticeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<NoticeContact> builder)
    {
        builder.Property(x => x.Names).HasMaxLength(Schema.MediumText).IsRequired();
        builder.Property(x => x.Phones).HasMaxLength(Schema.MediumText);
        builder.Property(x => x.Email).HasMaxLength(Schema.Email);
        builder.Property(x => x.Office).HasMaxLength(Schema.MediumText);
        builder.Property(x => x.Address).HasMaxLength(Schema.Address);
        builder.Property(x => x.Postcode).HasMaxLength(Schema.Postcode);
    }

    public void Configure(EntityTypeBuilder<NoticeAttachment> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(Schema.Title);
        builder.HasOne(x => x.File).WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<NoticeRevision> builder)
    {
        builder.Property(x => x.ChangeNote).HasMaxLength(Schema.LongText);
        builder.Property(x => x.RevisedBy).HasMaxLength(Schema.PersonName);
        builder.Property(x => x.Title).HasMaxLength(Schema.Title).IsRequired();
        builder.Property(x => x.DocumentNumber).HasMaxLength(Schema.DocumentNumber);
        builder.Property(x => x.MainRecipientsText).HasMaxLength(Schema.RecipientsText);
        builder.Property(x => x.CopyRecipientsText).HasMaxLength(Schema.RecipientsText);
        builder.Property(x => x.BodyHtml).IsRequired();
        builder.Property(x => x.ReportTo).HasMaxLength(Schema.MediumText);
        builder.Property(x => x.ReportMethod).HasMaxLength(Schema.MediumText);
        builder.HasIndex(x => new { x.NoticeId, x.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.OriginalName).HasMaxLength(Schema.FileName).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(Schema.ContentType).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(Schema.Sha256).IsUnicode(false).IsRequired();
        builder.Property(x => x.StorageKey).HasMaxLength(Schema.MediumText).IsUnicode(false).IsRequired();
        builder.Property(x => x.ThumbnailKey).HasMaxLength(Schema.MediumText).IsUnicode(false);
        builder.Property(x => x.UploadedBy).HasMaxLength(Schema.EntityId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
