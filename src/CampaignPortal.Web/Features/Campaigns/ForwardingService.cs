using System.Globalization;
using System.Net;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Campaigns;

public sealed record ParentCampaignRow(int Id, string Title, string Owner, DateOnly? ReportDeadline, int? ForwardedId);

public sealed record ForwardedRow(int Id, string Title, string Owner, int Level, CampaignStatus Status, DateOnly? ReportDeadline);

public sealed class ForwardInput
{
    public string Title { get; set; } = string.Empty;

    public DateOnly? ReportDeadline { get; set; }
}

public sealed record ForwardViewModel(int ParentId, string ParentTitle, string ParentOwner, DateOnly? ParentDeadline, ForwardInput Input);

/// <summary>
/// 转发: an organiser of a participating unit turns the campaign into its own, one level down — same templates and
/// indicators, an earlier (or equal) deadline, a draft notice that cites the parent notice as its basis.
/// </summary>
public sealed partial class ForwardingService(AppDbContext db, CurrentUser currentUser, AuditLog audit, TimeProvider clock, ILogger<ForwardingService> logger)
{
    /// <summary>Published campaigns of other organisations in which the user's unit takes part.</summary>
    public async Task<IReadOnlyList<ParentCampaignRow>> ParentsAsync(CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Published && c.OrganisationId != own && c.Participants.Any(p => p.OrganisationId == own))
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new ParentCampaignRow(c.Id, c.Title, c.Organisation!.Name, c.ReportDeadline,
                db.Campaigns.Where(f => f.ParentCampaignId == c.Id && f.OrganisationId == own).Select(f => (int?)f.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<ForwardViewModel?> FormAsync(int parentId, ForwardInput? input, CancellationToken cancellationToken)
    {
        if (await ParentAsync(parentId, cancellationToken) is not { } parent)
        {
            return null;
        }

        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        input ??= new ForwardInput { Title = $"{parent.Title}（{scope.ShortName}）", ReportDeadline = parent.ReportDeadline };
        return new ForwardViewModel(parent.Id, parent.Title, parent.Organisation!.Name, parent.ReportDeadline, input);
    }

    /// <summary>Creates the forwarded campaign and its draft notice; returns the notice id.</summary>
    public async Task<CommandResult> ForwardAsync(int parentId, ForwardInput input, CancellationToken cancellationToken)
    {
        if (await ParentAsync(parentId, cancellationToken) is not { } parent)
        {
            return CommandResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > Schema.Title)
        {
            return CommandResult.Invalid(nameof(input.Title), $"请填写活动名称（不超过 {Schema.Title} 个字）。");
        }

        if (input.ReportDeadline is not { } deadline)
        {
            return CommandResult.Invalid(nameof(input.ReportDeadline), "请填写本单位的报送截止日期。");
        }

        if (parent.ReportDeadline is { } limit && deadline > limit)
        {
            return CommandResult.Invalid(nameof(input.ReportDeadline), $"报送截止日期不能晚于上级活动的截止日期（{limit.Year}年{limit.Month}月{limit.Day}日）。");
        }

        var scope = await currentUser.GetOrganisationAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var campaign = Campaign.Forward(parent, scope.Id, input.Title, deadline, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var source = await db.Notices.AsNoTracking()
            .Where(n => n.CampaignId == parent.Id && n.IsMain && n.Status == NoticeStatus.Published)
            .Select(n => new { n.Id, n.Title, n.DocumentNumber }).FirstOrDefaultAsync(cancellationToken);
        var notice = new Notice(campaign.Id, NoticeKind.Notice, source is null ? $"关于转发{parent.Title}的通知" : $"关于转发《{source.Title}》的通知", now);
        notice.MarkMain();
        var body = source is null
            ? $"<p>现将{WebUtility.HtmlEncode(parent.Title)}有关事项转发给你们，请结合实际认真贯彻落实。</p>"
            : $"<p>现将《{WebUtility.HtmlEncode(source.Title)}》转发给你们，请结合实际认真贯彻落实，并于{deadline.Year}年{deadline.Month}月{deadline.Day}日前报送活动总结。</p>";
        notice.Write(new NoticeContent(NoticeKind.Notice, notice.Title, null, null, null, body, null, scope.Name, null, ChinaTime.Today(clock), true));
        notice.SetIssuers([scope.Id], [scope.Name, scope.ShortName]);
        if (source is not null)
        {
            notice.SetBases([(source.Title, source.DocumentNumber, source.Id)]);
        }

        db.Notices.Add(notice);
        audit.Record(AuditAction.CampaignForwarded, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture),
            $"转发“{parent.Title}”为“{campaign.Title}”", subjectOrganisationId: scope.Id);
        await db.SaveChangesAsync(cancellationToken);
        LogForwarded(logger, parent.Id, campaign.Id);
        return CommandResult.Ok(notice.Id);
    }

    /// <summary>The campaigns forwarded from this one, down every level, in tree order.</summary>
    public async Task<IReadOnlyList<ForwardedRow>> ForwardedAsync(int campaignId, CancellationToken cancellationToken)
    {
        // One query per level (the tree is a few levels deep), then a depth-first walk for the display order.
        var found = new List<(int? ParentId, ForwardedRow Row)>();
        var level = new List<int> { campaignId };
        for (var depth = 1; level.Count > 0 && depth <= 6; depth++)
        {
            var ids = level;
            var children = await db.Campaigns.AsNoTracking().Where(c => c.ParentCampaignId != null && ids.Contains(c.ParentCampaignId.Value))
                .Select(c => new { c.ParentCampaignId, Row = new ForwardedRow(c.Id, c.Title, c.Organisation!.Name, depth, c.Status, c.ReportDeadline) })
                .ToListAsync(cancellationToken);
            found.AddRange(children.Select(c => (c.ParentCampaignId, c.Row)));
            level = children.Select(c => c.Row.Id).ToList();
        }

        var byParent = found.OrderBy(f => f.Row.Id).ToLookup(f => f.ParentId, f => f.Row);
        var rows = new List<ForwardedRow>(found.Count);
        void Walk(int parentId)
        {
            foreach (var row in byParent[parentId])
            {
                rows.Add(row);
                Walk(row.Id);
            }
        }

        Walk(campaignId);
        return rows;
    }

    private async Task<Campaign?> ParentAsync(int parentId, CancellationToken cancellationToken)
    {
        var own = (await currentUser.GetOrganisationAsync(cancellationToken)).Id;
        return await db.Campaigns.Include(c => c.Organisation)
            .Include(c => c.Categories).Include(c => c.Sections).Include(c => c.Materials).Include(c => c.Indicators)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == parentId && c.OrganisationId != own && c.Participants.Any(p => p.OrganisationId == own), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {ParentId} forwarded as {CampaignId}")]
    private static partial void LogForwarded(ILogger logger, int parentId, int campaignId);
}
