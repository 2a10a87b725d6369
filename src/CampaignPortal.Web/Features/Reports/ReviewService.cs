using System.Globalization;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Notifications;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Reports;

public enum ReviewSort
{
    /// <summary>Oldest submission first: who has waited longest.</summary>
    Oldest,
    Newest,
    Unit,
}

public sealed class ReviewQuery
{
    /// <summary>Null: every status but drafts.</summary>
    public ReportStatus? Status { get; set; } = ReportStatus.Submitted;

    public bool? Late { get; set; }

    public int? Unit { get; set; }

    public int? Campaign { get; set; }

    public ReviewSort Sort { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record ReviewRow(
    int Id, string CampaignTitle, string Unit, ReportStatus Status, int VersionNumber, DateTimeOffset? SubmittedAt, bool IsLate);

public sealed record FilterOption(int Id, string Name);

public sealed record BulkResult(int Id, string Label, int Number, bool Approved, string Message);

public sealed record ReviewQueueViewModel(
    ReviewQuery Query, IReadOnlyList<ReviewRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<FilterOption> Campaigns, IReadOnlyList<FilterOption> Units)
{
    /// <summary>The organisation has more campaigns than the filter lists.</summary>
    public bool MoreCampaigns { get; init; }
}

public sealed record ParticipantReportRow(
    int OrganisationId, string Unit, int? ReportId, ReportStatus? Status, int VersionNumber, DateTimeOffset? SubmittedAt, bool IsLate,
    DateOnly? ExtendedDeadline, string? ExtensionReason);

public sealed record CampaignReportsViewModel(int CampaignId, string Title, CampaignStatus Status, DateOnly? Deadline, IReadOnlyList<ParticipantReportRow> Rows);

/// <summary>
/// The owning organisation's side: the review queue and decisions (reviewers), reopening and deadline extensions
/// (organisers). Reports of campaigns another organisation owns, and drafts, are "not found".
/// </summary>
public sealed class ReviewService(
    AppDbContext db, CurrentUser currentUser, NotificationService notifications, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>The queue counts this many reports at most (500 pages); more shows as "超过 10,000 份".</summary>
    public const int CountCap = 10_000;

    /// <summary>The campaign filter lists this many of the most recent campaigns: a province runs a handful a year.</summary>
    public const int CampaignOptions = 30;

    public async Task<ReviewQueueViewModel> QueueAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var reports = db.SummaryReports.AsNoTracking().Where(r => r.OwnerOrganisationId == own && r.Status != ReportStatus.Draft);
        if (query.Status is { } status && status != ReportStatus.Draft)
        {
            reports = reports.Where(r => r.Status == status);
        }

        if (query.Late is { } late)
        {
            reports = reports.Where(r => r.IsLate == late);
        }

        if (query.Unit is { } unit)
        {
            reports = reports.Where(r => r.OrganisationId == unit);
        }

        if (query.Campaign is { } campaign)
        {
            reports = reports.Where(r => r.CampaignId == campaign);
        }

        // Counted up to the cap only: past it the page says "more than" and asks for a filter, so a huge queue costs no
        // more than a big one (the count reads at most CountCap + 1 index entries).
        var total = await reports.Take(CountCap + 1).CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (Math.Min(total, CountCap) + PageSize - 1) / PageSize);
        query.Page = Math.Clamp(query.Page, 1, pageCount);
        var ordered = query.Sort switch
        {
            ReviewSort.Newest => reports.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id),
            ReviewSort.Unit => reports.OrderBy(r => r.Organisation!.Path).ThenBy(r => r.Id),
            _ => reports.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id),
        };
        var rows = await ordered.Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(r => new ReviewRow(r.Id, db.Campaigns.Where(c => c.Id == r.CampaignId).Select(c => c.Title).Single(), r.Organisation!.Name, r.Status,
                r.LatestVersionNumber, r.SubmittedAt, r.IsLate))
            .ToListAsync(cancellationToken);

        // Filter choices: the organisation's most recent campaigns (the chosen one always among them; older ones are
        // reached from their campaign page), and the units that filed to them.
        var selected = query.Campaign ?? 0;
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.OrganisationId == own && c.Status != CampaignStatus.Draft)
            .OrderByDescending(c => c.Id == selected).ThenByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Year }).Take(CampaignOptions + 1).ToListAsync(cancellationToken);
        var moreCampaigns = campaigns.Count > CampaignOptions;
        var campaignOptions = campaigns.Take(CampaignOptions).OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new FilterOption(c.Id, c.Title)).ToList();
        var units = await db.Organisations.AsNoTracking()
            .Where(o => db.Participants.Any(p => p.OrganisationId == o.Id && db.Campaigns.Any(c => c.Id == p.CampaignId && c.OrganisationId == own)))
            .OrderBy(o => o.Path).Select(o => new FilterOption(o.Id, o.Name)).Take(500).ToListAsync(cancellationToken);
        return new ReviewQueueViewModel(query, rows, total, query.Page, pageCount, campaignOptions, units) { MoreCampaigns = moreCampaigns };
    }

    /// <summary>
    /// The navigation badge of a reviewer: reports waiting for their organisation, at most <see cref="HeaderBadges.Cap"/>,
    /// read with the user's organisation (<see cref="CurrentUser.GetBadgesAsync"/>). The layout asks only for reviewers.
    /// </summary>
    public async Task<int> WaitingCountAsync(CancellationToken cancellationToken) =>
        currentUser.Principal.OrganisationId() is null || !currentUser.IsInRole(Roles.Reviewer)
            ? 0
            : (await currentUser.GetBadgesAsync(cancellationToken)).Waiting;

    /// <summary>The exact number of reports waiting for review (the reviewer's workbench says it; the header's badge stops at 99+).</summary>
    public async Task<int> WaitingExactAsync(CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.SummaryReports.CountAsync(r => r.OwnerOrganisationId == own && r.Status == ReportStatus.Submitted, cancellationToken);
    }

    public const int BulkLimit = 100;

    /// <summary>The selected reports as the confirmation lists them (only waiting reports of the organisation).</summary>
    public async Task<IReadOnlyList<ReviewRow>> SelectedAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.SummaryReports.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.OwnerOrganisationId == own && r.Status == ReportStatus.Submitted)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new ReviewRow(r.Id, db.Campaigns.Where(c => c.Id == r.CampaignId).Select(c => c.Title).Single(), r.Organisation!.Name, r.Status,
                r.LatestVersionNumber, r.SubmittedAt, r.IsLate))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// 批量通过: each report on its own — one that changed meanwhile (withdrawn, resubmitted, decided by a colleague) is
    /// skipped with its reason, the others are approved.
    /// </summary>
    public async Task<IReadOnlyList<BulkResult>> BulkApproveAsync(IReadOnlyList<(int Id, int Number)> items, string? comment, CancellationToken cancellationToken)
    {
        var results = new List<BulkResult>();
        foreach (var (id, number) in items.Take(BulkLimit))
        {
            var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
            var label = await db.SummaryReports.AsNoTracking().Where(r => r.Id == id && r.OwnerOrganisationId == own)
                .Select(r => r.Organisation!.Name + "（" + db.Campaigns.Where(c => c.Id == r.CampaignId).Select(c => c.Title).Single() + "）")
                .SingleOrDefaultAsync(cancellationToken) ?? $"报告 {id}";
            try
            {
                var result = await ApproveAsync(id, number, comment, cancellationToken);
                results.Add(result.Succeeded
                    ? new BulkResult(id, label, number, true, "已通过")
                    : new BulkResult(id, label, number, false, result.Found ? result.Errors[0].Value : "未找到该报告"));
            }
            catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                results.Add(new BulkResult(id, label, number, false, ex is DomainException ? ex.Message : "报告状态已被他人同时更改，未处理。"));
            }
        }

        return results;
    }

    public Task<CommandResult> ApproveAsync(int reportId, int? number, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(reportId, number, (report, latest, at, by) =>
        {
            if (comment is { Length: > Schema.Description })
            {
                return CommandResult.Invalid("Comment", $"审核意见不能超过 {Schema.Description} 个字。");
            }

            report.Approve(latest, comment, at, by);
            return CommandResult.Ok(report.Id);
        }, AuditAction.ReportApproved, NotificationKind.ReportApproved, "审核通过", cancellationToken);

    public Task<CommandResult> ReturnAsync(int reportId, ReturnInput input, CancellationToken cancellationToken) =>
        DecideAsync(reportId, input.Number, (report, latest, at, by) =>
        {
            if (string.IsNullOrWhiteSpace(input.Comment))
            {
                return CommandResult.Invalid(nameof(input.Comment), "退回时请填写修改意见，告诉填报单位需要修改什么。");
            }

            var sectionComments = (input.SectionComments ?? []).Where(s => s is not null).ToList();
            if (input.Comment.Length > Schema.Description || sectionComments.Any(s => s.Html is { Length: > Schema.Description }))
            {
                return CommandResult.Invalid(nameof(input.Comment), $"修改意见不能超过 {Schema.Description} 个字。");
            }

            var perSection = sectionComments.Where(s => !string.IsNullOrWhiteSpace(s.Title) && !string.IsNullOrWhiteSpace(s.Html))
                .GroupBy(s => s.Title!).ToDictionary(g => g.Key, g => g.First().Html!);
            report.Return(latest, input.Comment, perSection, at, by);
            return CommandResult.Ok(report.Id);
        }, AuditAction.ReportReturned, NotificationKind.ReportReturned, "退回修改", cancellationToken);

    private async Task<CommandResult> DecideAsync(
        int reportId, int? number, Func<SummaryReport, ReportVersion, DateTimeOffset, string?, CommandResult> decide, AuditAction action, NotificationKind kind,
        string verb, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(reportId, cancellationToken) is not { } report)
        {
            return CommandResult.NotFound;
        }

        if (report.Status != ReportStatus.Submitted)
        {
            throw new DomainException(report.Status switch
            {
                ReportStatus.Draft => "报告尚未提交（或已被填报单位撤回），不能审核。",
                ReportStatus.Approved => "报告已审核通过，不能重复审核。",
                _ => "报告已退回修改，等待填报单位重新提交后才能审核。",
            });
        }

        if (number != report.LatestVersionNumber)
        {
            // The unit withdrew and submitted again while the reviewer was reading: decide on what was read, or nothing.
            throw new DomainException($"报告已更新为第 {report.LatestVersionNumber} 版，请查看新版本后再审核。");
        }

        var latest = await db.ReportVersions.SingleAsync(v => v.ReportId == report.Id && v.Number == report.LatestVersionNumber, cancellationToken);

        var result = decide(report, latest, clock.GetUtcNow(), currentUser.Principal.DisplayName());
        if (!result.Succeeded)
        {
            return result;
        }

        var title = await CampaignTitleAsync(report.CampaignId, cancellationToken);
        audit.Record(action, nameof(SummaryReport), Id(report.Id), $"“{title}”总结报告第 {latest.Number} 版{verb}", subjectOrganisationId: report.OrganisationId);
        await notifications.QueueForOrganisationsAsync([report.OrganisationId], kind, $"“{title}”总结报告第 {latest.Number} 版已{verb}。",
            $"/campaigns/{report.CampaignId}/report", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public async Task<CommandResult> ReopenAsync(int reportId, string? reason, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(reportId, cancellationToken) is not { } report)
        {
            return CommandResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > Schema.Description)
        {
            return CommandResult.Invalid("reason", string.IsNullOrWhiteSpace(reason) ? "请填写重新打开的原因。" : $"原因不能超过 {Schema.Description} 个字。");
        }

        report.Reopen(reason, clock.GetUtcNow(), currentUser.Principal.DisplayName());
        var title = await CampaignTitleAsync(report.CampaignId, cancellationToken);
        audit.Record(AuditAction.ReportReopened, nameof(SummaryReport), Id(report.Id), $"重新打开“{title}”总结报告：{reason.Trim()}",
            subjectOrganisationId: report.OrganisationId);
        await notifications.QueueForOrganisationsAsync([report.OrganisationId], NotificationKind.ReportReturned,
            $"“{title}”总结报告已被重新打开，请修改后再次提交。原因：{reason.Trim()}", $"/campaigns/{report.CampaignId}/report", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(report.Id);
    }

    /// <summary>Every participant of one of the organisation's campaigns with its report's state and deadline.</summary>
    public async Task<CampaignReportsViewModel?> CampaignReportsAsync(int campaignId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.OrganisationId == own)
            .Select(c => new { c.Id, c.Title, c.Status, c.ReportDeadline }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var rows = await db.Participants.AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.Organisation!.Path)
            .Select(p => new
            {
                p.OrganisationId,
                Unit = p.Organisation!.Name,
                p.ExtendedDeadline,
                p.ExtensionReason,
                Report = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId)
                    .Select(r => new { r.Id, r.Status, r.LatestVersionNumber, r.SubmittedAt, r.IsLate }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new CampaignReportsViewModel(campaign.Id, campaign.Title, campaign.Status, campaign.ReportDeadline,
        [
            .. rows.Select(r => new ParticipantReportRow(r.OrganisationId, r.Unit, r.Report?.Id, r.Report?.Status, r.Report?.LatestVersionNumber ?? 0,
                r.Report?.SubmittedAt, r.Report?.IsLate ?? false, r.ExtendedDeadline, r.ExtensionReason)),
        ]);
    }

    public async Task<CommandResult> ExtendAsync(int campaignId, int organisationId, DateOnly? deadline, string? reason, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        var campaign = await db.Campaigns.Include(c => c.Participants)
            .SingleOrDefaultAsync(c => c.Id == campaignId && c.OrganisationId == own, cancellationToken);
        if (campaign is null || campaign.Participants.All(p => p.OrganisationId != organisationId))
        {
            return CommandResult.NotFound;
        }

        if (deadline is not { } day || !Campaigns.TemplateText.IsPlausibleDate(day))
        {
            return CommandResult.Invalid("deadline", "请填写延期后的截止日期（2000 年至 2100 年之间）。");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > Schema.LongText)
        {
            return CommandResult.Invalid("reason", string.IsNullOrWhiteSpace(reason) ? "请填写延期原因。" : $"延期原因不能超过 {Schema.LongText} 个字。");
        }

        if (campaign.ReportDeadline is { } due && day <= due)
        {
            return CommandResult.Invalid("deadline", $"延期后的截止日期须晚于活动的报送截止日期（{due.Year}年{due.Month}月{due.Day}日）。");
        }

        campaign.ExtendDeadline(organisationId, day, reason, currentUser.Principal.DisplayName(), clock.GetUtcNow());
        var unit = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        audit.Record(AuditAction.DeadlineExtended, nameof(Campaign), Id(campaignId),
            $"“{campaign.Title}”{unit}的报送截止日期延至{day.Year}年{day.Month}月{day.Day}日：{reason.Trim()}", subjectOrganisationId: organisationId);
        await notifications.QueueForOrganisationsAsync([organisationId], NotificationKind.DeadlineExtended,
            $"“{campaign.Title}”总结报告的报送截止日期已延至{day.Year}年{day.Month}月{day.Day}日。", $"/campaigns/{campaignId}/report", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(campaignId);
    }

    /// <summary>
    /// A report of a campaign the user's organisation owns (tracked). Drafts are found too, so that deciding on one is
    /// "wrong state" (409) rather than "not found"; reading a draft stays "not found" (<see cref="ReportReadService"/>).
    /// </summary>
    private async Task<SummaryReport?> OwnedAsync(int reportId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.SummaryReports.SingleOrDefaultAsync(r => r.Id == reportId && r.OwnerOrganisationId == own, cancellationToken);
    }

    private Task<string> CampaignTitleAsync(int campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync(cancellationToken);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
