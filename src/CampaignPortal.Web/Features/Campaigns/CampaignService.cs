using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Organisations;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Campaigns;

public sealed record CampaignRow(int Id, int Year, string Title, CampaignStatus Status, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? ReportDeadline, int Participants, int Notices);

public sealed record CampaignNoticeRow(int Id, string Title, NoticeKind Kind, NoticeStatus Status, bool IsMain, bool IsPublic, DateOnly? PublicationDate);

public sealed record ParticipantRow(int OrganisationId, string Name, ParticipantSource Source, DateTimeOffset AddedAt);

public sealed record CampaignPageViewModel(Campaign Campaign, IReadOnlyList<CampaignNoticeRow> Notices, IReadOnlyList<ParticipantRow> Participants, IReadOnlyList<OrganisationOption> Candidates)
{
    public IReadOnlyList<ForwardedRow> Forwarded { get; init; } = [];

    public IReadOnlyList<MainEventSummary> MainEvents { get; init; } = [];

    public int ActivityCount { get; init; }
}

public sealed record MainEventSummary(int Id, string Title, DateOnly Date, string Venue, int SubVenues);

/// <summary>Campaigns of the signed-in organiser's organisation. Another organisation's campaign is "not found".</summary>
public sealed partial class CampaignService(AppDbContext db, CurrentUser currentUser, AuditLog audit, TimeProvider clock, ILogger<CampaignService> logger)
{
    public async Task<IReadOnlyList<CampaignRow>> ListAsync(CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Campaigns.AsNoTracking().Where(c => c.OrganisationId == own)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new CampaignRow(c.Id, c.Year, c.Title, c.Status, c.PeriodStart, c.PeriodEnd, c.ReportDeadline,
                c.Participants.Count, db.Notices.Count(n => n.CampaignId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The campaign with its template and participants, if it belongs to the user's organisation.</summary>
    public async Task<Campaign?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Campaigns
            .Include(c => c.Categories).Include(c => c.Sections).Include(c => c.Materials).Include(c => c.Indicators).Include(c => c.Participants)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id && c.OrganisationId == own, cancellationToken);
    }

    public async Task<CampaignPageViewModel?> PageAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var notices = await db.Notices.AsNoTracking().Where(n => n.CampaignId == id).OrderBy(n => n.Id)
            .Select(n => new CampaignNoticeRow(n.Id, n.Title, n.Kind, n.Status, n.IsMain, n.IsPublic, n.PublicationDate))
            .ToListAsync(cancellationToken);
        var participants = await db.Participants.AsNoTracking().Where(p => p.CampaignId == id)
            .OrderBy(p => p.Organisation!.Depth).ThenBy(p => p.OrganisationId)
            .Select(p => new ParticipantRow(p.OrganisationId, p.Organisation!.Name, p.Source, p.AddedAt))
            .ToListAsync(cancellationToken);
        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var taken = participants.Select(p => p.OrganisationId).ToHashSet();
        var candidates = (await db.Organisations.AsNoTracking().WithinSubtree(scope.Path)
                .Where(o => o.Id != scope.Id && o.IsActive && o.Kind != OrganisationKind.GovernmentBody)
                .OrderBy(o => o.Depth).ThenBy(o => o.Id).Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken))
            .Where(o => !taken.Contains(o.Id)).ToList();
        var mainEvents = await db.MainEvents.AsNoTracking().Where(e => e.CampaignId == id).OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new MainEventSummary(e.Id, e.Title, e.Date, e.Venue, db.SubVenues.Count(v => v.MainEventId == e.Id && v.Status != SubVenueStatus.Cancelled)))
            .ToListAsync(cancellationToken);
        var activityCount = await db.Activities.CountAsync(a => a.CampaignId == id, cancellationToken);
        return new CampaignPageViewModel(campaign, notices, participants, candidates) { MainEvents = mainEvents, ActivityCount = activityCount };
    }

    public static CampaignInput InputFor(Campaign c) => new()
    {
        Year = c.Year,
        Title = c.Title,
        Theme = c.Theme,
        PeriodStart = c.PeriodStart,
        PeriodEnd = c.PeriodEnd,
        PeriodText = c.PeriodText,
        ReportDeadline = c.ReportDeadline,
        Categories = string.Join("\n", c.Categories.OrderBy(x => x.Order).Select(x => x.Name)),
        Sections = TemplateText.SectionsText(c),
        Materials = TemplateText.MaterialsText(c),
        Indicators = TemplateText.IndicatorsText(c),
    };

    /// <summary>A new campaign's form: this year, and the default template.</summary>
    public CampaignInput NewInput()
    {
        var template = new Campaign(0, 0, "template", clock.GetUtcNow());
        template.ReplaceSections(CampaignDefaults.Sections.Select(s => (s.Title, (string?)s.Guidance, s.IsRequired)));
        template.ReplaceMaterials(CampaignDefaults.Materials.Select(m => (m.Name, (string?)m.Note, m.IsRequired)));
        template.ReplaceIndicators(CampaignDefaults.Indicators());
        var input = InputFor(template);
        input.Year = ChinaTime.Today(clock).Year;
        input.Title = string.Empty;
        return input;
    }

    public async Task<CommandResult> CreateAsync(CampaignInput input, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = new Campaign(own, input.Year!.Value, input.Title, clock.GetUtcNow());
        Apply(campaign, input);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.CampaignCreated, nameof(Campaign), Id(campaign.Id), $"新建活动“{campaign.Title}”", subjectOrganisationId: own, cancellationToken: cancellationToken);
        LogCampaign(logger, "created", campaign.Id);
        return CommandResult.Ok(campaign.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, CampaignInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        if (campaign.ParentCampaignId is { } parentId)
        {
            var kept = TemplateText.Indicators(input.Indicators).Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var dropped = await db.Campaigns.Where(c => c.Id == parentId).SelectMany(c => c.Indicators)
                .Where(i => !kept.Contains(i.Code)).Select(i => i.Name).ToListAsync(cancellationToken);
            if (dropped.Count > 0)
            {
                return CommandResult.Invalid(nameof(input.Indicators), $"转发的活动可以增加统计指标，但不能删除上级活动的指标：{string.Join("、", dropped)}。");
            }
        }

        // Figures are stored against indicator codes: once reports use a code, it stays.
        var codes = TemplateText.Indicators(input.Indicators).Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = await db.SummaryReports.Where(r => r.CampaignId == id).SelectMany(r => r.Figures).Select(f => f.Code).Distinct()
            .ToListAsync(cancellationToken);
        var missing = used.Where(code => !codes.Contains(code)).ToList();
        if (missing.Count > 0)
        {
            return CommandResult.Invalid(nameof(input.Indicators), $"已有单位填报了这些统计指标，不能删除或修改其编码：{string.Join("、", missing)}。");
        }

        // Report text is kept per section title: a title units have written under cannot be removed or renamed.
        var titles = TemplateText.Sections(input.Sections).Select(x => x.Title).ToHashSet(StringComparer.Ordinal);
        var written = await db.SummaryReports.Where(r => r.CampaignId == id).SelectMany(r => r.Sections).Select(x => x.Title).Distinct()
            .ToListAsync(cancellationToken);
        var lost = written.Where(title => !titles.Contains(title)).ToList();
        if (lost.Count > 0)
        {
            return CommandResult.Invalid(nameof(input.Sections), $"已有单位在这些栏目下填写了报告，不能删除或改名：{string.Join("、", lost)}。");
        }

        Apply(campaign, input);
        audit.Record(AuditAction.CampaignUpdated, nameof(Campaign), Id(id), $"修改活动“{campaign.Title}”", subjectOrganisationId: campaign.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogCampaign(logger, "updated", id);
        return CommandResult.Ok(id);
    }

    public async Task<CommandResult> AddParticipantsAsync(int id, IReadOnlyList<int> organisationIds, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var allowed = await db.Organisations.WithinSubtree(scope.Path)
            .Where(o => organisationIds.Contains(o.Id) && o.Id != scope.Id && o.IsActive && o.Kind != OrganisationKind.GovernmentBody)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        if (allowed.Count == 0)
        {
            return CommandResult.Invalid("organisationIds", "请选择要增加的填报单位。");
        }

        var added = campaign.AddParticipants(allowed.Select(o => o.Id), ParticipantSource.Manual, clock.GetUtcNow());
        audit.Record(AuditAction.ParticipantsChanged, nameof(Campaign), Id(id),
            $"增加填报单位：{string.Join("、", allowed.Where(o => added.Contains(o.Id)).Select(o => o.Name))}", subjectOrganisationId: campaign.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(id);
    }

    public async Task<CommandResult> RemoveParticipantAsync(int id, int organisationId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        if (!campaign.RemoveParticipant(organisationId))
        {
            return CommandResult.NotFound;
        }

        var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        audit.Record(AuditAction.ParticipantsChanged, nameof(Campaign), Id(id), $"移除填报单位：{name}", subjectOrganisationId: campaign.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(id);
    }

    /// <summary>Copy from last year: a draft campaign a year later and a draft of its main notice, to edit.</summary>
    public async Task<CommandResult> CopyForNextYearAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } source)
        {
            return CommandResult.NotFound;
        }

        var now = clock.GetUtcNow();
        var copy = source.CopyForNextYear(now);
        db.Campaigns.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        var main = await db.Notices.AsNoTracking()
            .Include(n => n.Issuers).Include(n => n.Addressees).Include(n => n.Bases).Include(n => n.Contacts)
            .AsSplitQuery()
            .Where(n => n.CampaignId == id && n.IsMain).OrderByDescending(n => n.Id).FirstOrDefaultAsync(cancellationToken);
        if (main is not null)
        {
            var notice = new Notice(copy.Id, main.Kind, Campaign.ShiftYear(main.Title, source.Year), now);
            notice.MarkMain();
            notice.Write(new NoticeContent(main.Kind, notice.Title, null, main.MainRecipientsText, main.CopyRecipientsText,
                Campaign.ShiftYear(main.BodyHtml, source.Year), main.RequirementsHtml is null ? null : Campaign.ShiftYear(main.RequirementsHtml, source.Year),
                main.ReportTo, main.ReportMethod, null, main.IsPublic));
            var issuerIds = main.Issuers.OrderBy(i => i.Order).Select(i => i.OrganisationId).ToList();
            var names = await db.Organisations.Where(o => issuerIds.Contains(o.Id)).Select(o => new { o.Name, o.ShortName }).ToListAsync(cancellationToken);
            notice.SetIssuers(issuerIds, names.SelectMany(n => new[] { n.Name, n.ShortName }).ToList());
            notice.SetAddressees(main.Addressees.Where(a => a.Role == AddresseeRole.Main).Select(a => a.OrganisationId),
                main.Addressees.Where(a => a.Role == AddresseeRole.Copy).Select(a => a.OrganisationId));
            notice.SetContacts(main.Contacts.OrderBy(c => c.Order).Select(c => new NoticeContact(c.Names, c.Phones, c.Email, c.Office, c.Address, c.Postcode)));
            db.Notices.Add(notice);
        }

        audit.Record(AuditAction.CampaignCreated, nameof(Campaign), Id(copy.Id), $"由“{source.Title}”复制新建活动“{copy.Title}”", subjectOrganisationId: copy.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogCampaign(logger, "copied for next year", copy.Id);
        return CommandResult.Ok(copy.Id);
    }

    public async Task<CommandResult> CloseAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } campaign)
        {
            return CommandResult.NotFound;
        }

        campaign.Close();
        audit.Record(AuditAction.CampaignClosed, nameof(Campaign), Id(id), $"结束活动“{campaign.Title}”", subjectOrganisationId: campaign.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        LogCampaign(logger, "closed", id);
        return CommandResult.Ok(id);
    }

    private static void Apply(Campaign campaign, CampaignInput input)
    {
        campaign.Describe(input.Year!.Value, input.Title, input.Theme, input.PeriodStart, input.PeriodEnd, input.PeriodText, input.ReportDeadline);
        campaign.ReplaceCategories(TemplateText.Categories(input.Categories));
        campaign.ReplaceSections(TemplateText.Sections(input.Sections));
        campaign.ReplaceMaterials(TemplateText.Materials(input.Materials));
        campaign.ReplaceIndicators(TemplateText.Indicators(input.Indicators));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} {Change}")]
    private static partial void LogCampaign(ILogger logger, string change, int campaignId);
}
