using System.Globalization;
using System.Net;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Organisations;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Infrastructure.Files;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Campaigns;

public sealed record AddresseeOption(int Id, string Name, OrganisationKind Kind, int Level);

public sealed record NoticeFormViewModel(
    int CampaignId, string CampaignTitle, int? NoticeId, NoticeInput Input, IReadOnlyList<OrganisationOption> Issuers,
    IReadOnlyList<AddresseeOption> Addressees, IReadOnlyList<CampaignNoticeRow> OtherNotices, IReadOnlyList<NoticeAttachmentRow> Attachments);

public sealed record NoticeRevisionFormViewModel(int NoticeId, string CurrentTitle, int CurrentRevision, NoticeRevisionInput Input);

public sealed record NoticeAttachmentRow(Guid FileId, string Title, string FileName, long Size);

/// <summary>Writing, publishing and withdrawing notices of the organiser's own campaigns.</summary>
public sealed partial class NoticeEditService(
    AppDbContext db, CurrentUser currentUser, CampaignService campaigns, RichText richText, FileService files,
    AuditLog audit, TimeProvider clock, Notifications.NotificationService notifications, ILogger<NoticeEditService> logger,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore publicPages, Notices.NoticeFilterCache noticeFilters)
{
    public async Task<Notice?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Notices
            .Include(n => n.Issuers).Include(n => n.Addressees).Include(n => n.Bases).Include(n => n.Contacts).Include(n => n.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == id && n.Campaign!.OrganisationId == own, cancellationToken);
    }

    public async Task<NoticeFormViewModel?> FormAsync(int campaignId, int? noticeId, NoticeInput? input, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        Notice? notice = null;
        if (noticeId is { } id && (notice = await FindAsync(id, cancellationToken)) is null)
        {
            return null;
        }

        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var tree = await db.Organisations.AsNoTracking().WithinSubtree(scope.Path).Where(o => o.IsActive)
            .OrderBy(o => o.Depth).ThenBy(o => o.Id).Select(o => new { o.Id, o.Name, o.Kind, o.Depth }).ToListAsync(cancellationToken);
        var top = tree.Min(o => o.Depth);
        var issuers = tree.Select(o => new OrganisationOption(o.Id, o.Name)).ToList();
        var addressees = tree.Where(o => o.Id != scope.Id).Select(o => new AddresseeOption(o.Id, o.Name, o.Kind, o.Depth - top)).ToList();
        var others = await db.Notices.AsNoTracking().Where(n => n.CampaignId == campaignId && n.Id != noticeId && n.Kind == NoticeKind.Notice)
            .Select(n => new CampaignNoticeRow(n.Id, n.Title, n.Kind, n.Status, n.IsMain, n.IsPublic, n.PublicationDate)).ToListAsync(cancellationToken);
        var attachments = notice is null ? [] : await db.Notices.AsNoTracking().Where(n => n.Id == notice.Id).SelectMany(n => n.Attachments)
            .OrderBy(a => a.Order).Select(a => new NoticeAttachmentRow(a.StoredFileId, a.Title ?? a.File!.OriginalName, a.File!.OriginalName, a.File!.Size))
            .ToListAsync(cancellationToken);
        input ??= notice is null ? NewInput(scope.Id) : InputFor(notice);
        return new NoticeFormViewModel(campaignId, campaign.Title, noticeId, input, issuers, addressees, others, attachments);
    }

    public async Task<CommandResult> SaveAsync(int campaignId, int? noticeId, NoticeInput input, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        if (campaign.Status == CampaignStatus.Closed)
        {
            throw new DomainException("活动已结束，不能再撰写或修改通知。");
        }

        Notice notice;
        if (noticeId is { } id)
        {
            if (await FindAsync(id, cancellationToken) is not { } existing || existing.CampaignId != campaignId)
            {
                return CommandResult.NotFound;
            }

            notice = existing;
        }
        else
        {
            notice = new Notice(campaignId, input.Kind, input.Title, clock.GetUtcNow());
            // The first notice is the main one; a withdrawn main notice hands the role to the next (its correction).
            if (input.Kind == NoticeKind.Notice && !await db.Notices.AnyAsync(n => n.CampaignId == campaignId && n.IsMain && n.Status != NoticeStatus.Withdrawn, cancellationToken))
            {
                notice.MarkMain();
            }

            db.Notices.Add(notice);
        }

        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var tree = await db.Organisations.AsNoTracking().WithinSubtree(scope.Path).Where(o => o.IsActive)
            .Select(o => new { o.Id, o.Name, o.ShortName, o.Kind }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var issuerIds = input.IssuerIds.OfType<int>().Distinct().ToList();
        if (issuerIds.Any(i => !tree.ContainsKey(i)))
        {
            return CommandResult.Invalid(nameof(input.IssuerIds), "发文单位须是本单位或其下级单位。");
        }

        var body = richText.Sanitise(Paragraphs(input.Body));
        var requirements = richText.Sanitise(Paragraphs(input.Requirements));
        if (RichText.IsTooLarge(body) || RichText.IsTooLarge(requirements))
        {
            return CommandResult.Invalid(nameof(input.Body), "正文超过 200 KB，请精简或把长篇内容作为附件上传。");
        }

        if (input.AttachedToNoticeId is { } chosen && !await db.Notices.AnyAsync(n => n.Id == chosen && n.CampaignId == campaignId && n.Id != noticeId, cancellationToken))
        {
            return CommandResult.Invalid(nameof(input.AttachedToNoticeId), "所选的主通知不存在或不属于本活动，请重新选择。");
        }

        int? attachedTo = input.Kind == NoticeKind.WorkPlan ? input.AttachedToNoticeId : null;

        notice.Write(new NoticeContent(input.Kind, input.Title, input.DocumentNumber, input.MainRecipientsText, input.CopyRecipientsText,
            body, requirements, input.ReportTo, input.ReportMethod, input.DocumentDate, input.IsPublic));
        notice.AttachTo(attachedTo);
        notice.SetIssuers(issuerIds, issuerIds.SelectMany(i => new[] { tree[i].Name, tree[i].ShortName }).ToList());
        var main = input.MainAddresseeIds.Where(tree.ContainsKey)
            .Concat(tree.Values.Where(o => o.Id != scope.Id && input.MainAddresseeKinds.Contains(o.Kind)).Select(o => o.Id));
        notice.SetAddressees(main.Where(i => i != scope.Id), input.CopyAddresseeIds.Where(i => tree.ContainsKey(i) && i != scope.Id));
        notice.SetBases(await LinkBasesAsync(input.Bases, cancellationToken));
        notice.SetContacts(string.IsNullOrWhiteSpace(input.ContactNames) ? [] :
            [new NoticeContact(input.ContactNames, input.ContactPhones, input.ContactEmail, input.ContactOffice, input.ContactAddress, input.ContactPostcode)]);
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicAsync(cancellationToken); // visitors see the change now
        await audit.WriteAsync(noticeId is null ? AuditAction.NoticeCreated : AuditAction.NoticeUpdated, nameof(Notice), Id(notice.Id),
            $"{(noticeId is null ? "新建" : "修改")}通知“{notice.Title}”", subjectOrganisationId: campaign.OrganisationId, cancellationToken: cancellationToken);
        LogNotice(logger, noticeId is null ? "created" : "updated", notice.Id);
        return CommandResult.Ok(notice.Id);
    }

    public async Task<CommandResult> AttachAsync(int noticeId, IFormFile? upload, string? title, CancellationToken cancellationToken)
    {
        if (await FindAsync(noticeId, cancellationToken) is not { } notice)
        {
            return CommandResult.NotFound;
        }

        if (notice.Status != NoticeStatus.Draft)
        {
            throw new DomainException("通知已发布，不能再增减附件；如需更正，请撤回后重新发布。");
        }

        if (upload is null || upload.Length == 0)
        {
            return CommandResult.Invalid("file", "请选择要上传的文件。");
        }

        if (title is { Length: > Schema.Title })
        {
            return CommandResult.Invalid("title", $"附件名称不能超过 {Schema.Title} 个字。");
        }

        await using var stream = upload.OpenReadStream();
        var stored = await files.StoreAsync(stream, upload.FileName, FileTypes.Documents, (await currentUser.GetOrganisationAsync(cancellationToken)).Id, currentUser.UserId, cancellationToken);
        if (stored.Error is not null)
        {
            return CommandResult.Invalid("file", stored.Error);
        }

        notice.AddAttachment(stored.File!.Id, title);
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicAsync(cancellationToken); // visitors see the change now
        return CommandResult.Ok(noticeId);
    }

    /// <summary>The 统计表 generated from the campaign's statistics template, attached to the notice.</summary>
    public async Task<CommandResult> AttachStatisticsTableAsync(int noticeId, CancellationToken cancellationToken)
    {
        if (await FindAsync(noticeId, cancellationToken) is not { } notice || await campaigns.FindAsync(notice.CampaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        using var table = new MemoryStream(await StatisticsTable.BuildAsync(campaign, cancellationToken));
        var stored = await files.StoreAsync(table, StatisticsTable.FileName(campaign), FileTypes.Documents, campaign.OrganisationId, currentUser.UserId, cancellationToken);
        notice.AddAttachment(stored.File!.Id, $"{campaign.Title}开展情况统计表");
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicAsync(cancellationToken); // visitors see the change now
        return CommandResult.Ok(noticeId);
    }

    public async Task<CommandResult> RemoveAttachmentAsync(int noticeId, Guid fileId, CancellationToken cancellationToken)
    {
        if (await FindAsync(noticeId, cancellationToken) is not { } notice || !notice.RemoveAttachment(fileId))
        {
            return CommandResult.NotFound;
        }

        await db.SaveChangesAsync(cancellationToken);

        await EvictPublicAsync(cancellationToken); // visitors see the change now
        return CommandResult.Ok(noticeId);
    }

    /// <summary>Publishes; the campaign's main notice makes its 主送 organisations the participants.</summary>
    public async Task<CommandResult> PublishAsync(int id, DateOnly? publicationDate, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } notice || await campaigns.FindAsync(notice.CampaignId, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        var lead = notice.Issuers.OrderBy(i => i.Order).Select(i => (int?)i.OrganisationId).FirstOrDefault();
        var today = ChinaTime.Today(clock);
        if (publicationDate > today)
        {
            return CommandResult.Invalid("publicationDate", "发布日期不能晚于今天。");
        }

        if (notice.DocumentNumber is { } number && lead is { } leadId && await db.Notices.AnyAsync(n => n.Id != id && n.Status == NoticeStatus.Published
                && n.DocumentNumber == number && n.Issuers.Any(i => i.Order == 1 && i.OrganisationId == leadId), cancellationToken))
        {
            return CommandResult.Invalid(string.Empty, $"文号“{number}”已被本单位另一份已发布的通知使用，请核对文号。");
        }

        var now = clock.GetUtcNow();
        notice.Publish(now, publicationDate ?? today, currentUser.Principal.DisplayName());
        if (campaign.Status == CampaignStatus.Draft && notice.IsMain)
        {
            campaign.Publish();
        }

        if (notice.IsMain)
        {
            // Co-issuing government bodies (科技厅, 宣传部) receive the notice but do not file reports.
            var mainIds = notice.Addressees.Where(a => a.Role == AddresseeRole.Main).Select(a => a.OrganisationId).ToList();
            var filers = await db.Organisations.Where(o => mainIds.Contains(o.Id) && o.Kind != OrganisationKind.GovernmentBody).Select(o => o.Id).ToListAsync(cancellationToken);
            campaign.AddParticipants(filers, ParticipantSource.Notice, now);
        }

        var publisher = await currentUser.GetOrganisationAsync(cancellationToken);
        await notifications.QueueForOrganisationsAsync(notice.Addressees.Select(a => a.OrganisationId).ToList(), NotificationKind.NoticePublished,
            $"{publisher.ShortName}发布了通知《{notice.Title}》", $"/notices/{id}", cancellationToken);
        audit.Record(AuditAction.NoticePublished, nameof(Notice), Id(id), $"发布通知“{notice.Title}”", subjectOrganisationId: campaign.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicAsync(cancellationToken); // visitors see the change now
        LogNotice(logger, "published", id);
        return CommandResult.Ok(id);
    }

    public async Task<NoticeRevisionFormViewModel?> RevisionFormAsync(int id, NoticeRevisionInput? input, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } n)
        {
            return null;
        }

        input ??= new NoticeRevisionInput
        {
            Title = n.Title,
            DocumentNumber = n.DocumentNumber,
            MainRecipientsText = n.MainRecipientsText,
            CopyRecipientsText = n.CopyRecipientsText,
            Body = n.BodyHtml,
            Requirements = n.RequirementsHtml,
            ReportTo = n.ReportTo,
            ReportMethod = n.ReportMethod,
            DocumentDate = n.DocumentDate,
        };
        return new NoticeRevisionFormViewModel(id, n.Title, n.RevisionNumber, input);
    }

    /// <summary>修订 of a published notice: the new text becomes the next revision; addressees are notified again.</summary>
    public async Task<CommandResult> ReviseAsync(int id, NoticeRevisionInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } notice)
        {
            return CommandResult.NotFound;
        }

        await db.Entry(notice).Collection(n => n.Revisions).LoadAsync(cancellationToken);
        var body = richText.Sanitise(Paragraphs(input.Body));
        var requirements = richText.Sanitise(Paragraphs(input.Requirements));
        if (!RichText.HasText(body))
        {
            return CommandResult.Invalid(nameof(input.Body), "通知正文不能为空。");
        }

        if (RichText.IsTooLarge(body) || RichText.IsTooLarge(requirements))
        {
            return CommandResult.Invalid(nameof(input.Body), "正文超过 200 KB，请精简或把长篇内容作为附件上传。");
        }

        var note = input.ChangeNote ?? string.Empty;
        try
        {
            notice.Revise(new NoticeRevisionContent(input.Title, input.DocumentNumber, input.MainRecipientsText, input.CopyRecipientsText,
                body, requirements, input.ReportTo, input.ReportMethod, input.DocumentDate), note, clock.GetUtcNow(), currentUser.Principal.DisplayName());
        }
        catch (DomainException e)
        {
            // Shown on the form, with the organiser's text kept (nothing changed, a draft or a withdrawn notice).
            return CommandResult.Invalid(string.Empty, e.Message);
        }

        var issuerIds = notice.Issuers.Select(i => i.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => issuerIds.Contains(o.Id))
            .Select(o => new { o.Name, o.ShortName }).ToListAsync(cancellationToken);
        notice.RefreshSearchText(names.SelectMany(o => new[] { o.Name, o.ShortName }));
        await notifications.QueueForOrganisationsAsync(notice.Addressees.Select(a => a.OrganisationId).ToList(), NotificationKind.NoticeRevised,
            $"通知《{notice.Title}》已修订（第 {notice.RevisionNumber} 版）：{note.Trim()}", $"/notices/{id}", cancellationToken);
        var owner = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        audit.Record(AuditAction.NoticeRevised, nameof(Notice), Id(id), $"修订通知“{notice.Title}”（第 {notice.RevisionNumber} 版）：{note.Trim()}", subjectOrganisationId: owner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await EvictPublicAsync(cancellationToken); // visitors see the change now
        }
        catch (DbUpdateException)
        {
            // Two organisers revised at once: the unique (notice, number) index kept the first.
            throw new DomainException("该通知刚刚已被他人修订，请刷新页面，在最新版本上重新修订。");
        }
        LogNotice(logger, "revised", id);
        return CommandResult.Ok(id);
    }

    public async Task<CommandResult> WithdrawAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } notice)
        {
            return CommandResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("reason", "请填写撤回原因，公众页面将显示该原因。");
        }

        notice.Withdraw(reason.Length > Schema.LongText ? reason[..Schema.LongText] : reason, clock.GetUtcNow());
        audit.Record(AuditAction.NoticeWithdrawn, nameof(Notice), Id(id), $"撤回通知“{notice.Title}”：{reason}", subjectOrganisationId: (await currentUser.GetOrganisationAsync(cancellationToken)).Id);
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicAsync(cancellationToken); // visitors see the change now
        LogNotice(logger, "withdrawn", id);
        return CommandResult.Ok(id);
    }

    /// <summary>A basis is linked to a notice on the portal with the same 文号, or else the same title, that anyone may read.</summary>
    private async Task<List<(string Title, string? DocumentNumber, int? LinkedNoticeId)>> LinkBasesAsync(string? text, CancellationToken cancellationToken)
    {
        var bases = new List<(string Title, string? DocumentNumber, int? LinkedNoticeId)>();
        foreach (var fields in TemplateText.Lines(text).Select(TemplateText.Fields))
        {
            var title = fields[0].Trim('《', '》');
            var number = fields.ElementAtOrDefault(1) is { Length: > 0 } n ? n : null;
            var linked = await db.Notices.AsNoTracking()
                .Where(x => x.IsPublic && x.Status == NoticeStatus.Published && (number != null ? x.DocumentNumber == number : x.Title == title))
                .Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken);
            bases.Add((title, number, linked));
        }

        return bases;
    }

    private static NoticeInput NewInput(int ownId) => new() { IssuerIds = [ownId] };

    private static NoticeInput InputFor(Notice n)
    {
        var contact = n.Contacts.OrderBy(c => c.Order).FirstOrDefault();
        return new NoticeInput
        {
            Kind = n.Kind,
            Title = n.Title,
            DocumentNumber = n.DocumentNumber,
            IssuerIds = n.Issuers.OrderBy(i => i.Order).Select(i => (int?)i.OrganisationId).ToList(),
            MainRecipientsText = n.MainRecipientsText,
            CopyRecipientsText = n.CopyRecipientsText,
            MainAddresseeIds = n.Addressees.Where(a => a.Role == AddresseeRole.Main).Select(a => a.OrganisationId).ToList(),
            CopyAddresseeIds = n.Addressees.Where(a => a.Role == AddresseeRole.Copy).Select(a => a.OrganisationId).ToList(),
            Bases = string.Join("\n", n.Bases.OrderBy(b => b.Order).Select(b => b.DocumentNumber is null ? b.Title : $"{b.Title}|{b.DocumentNumber}")),
            Body = n.BodyHtml,
            Requirements = n.RequirementsHtml,
            ReportTo = n.ReportTo,
            ReportMethod = n.ReportMethod,
            ContactNames = contact?.Names,
            ContactPhones = contact?.Phones,
            ContactEmail = contact?.Email,
            ContactOffice = contact?.Office,
            ContactAddress = contact?.Address,
            ContactPostcode = contact?.Postcode,
            DocumentDate = n.DocumentDate,
            IsPublic = n.IsPublic,
            AttachedToNoticeId = n.AttachedToNoticeId,
        };
    }

    /// <summary>
    /// Until the rich-text editor arrives the body is a text box: text without tags becomes one paragraph per line
    /// (headings such as "一、…" stay paragraphs); HTML (e.g. pasted) is kept and sanitised.
    /// </summary>
    private static string Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        if (text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal))
        {
            return text;
        }

        return string.Concat(TemplateText.Lines(text).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A notice changed: the cached public pages and the list's filter choices go now (on this server).</summary>
    private async Task EvictPublicAsync(CancellationToken cancellationToken)
    {
        noticeFilters.Invalidate();
        await publicPages.EvictNoticesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice {NoticeId} {Change}")]
    private static partial void LogNotice(ILogger logger, string change, int noticeId);
}
