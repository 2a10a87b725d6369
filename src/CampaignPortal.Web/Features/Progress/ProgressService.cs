using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Progress;

/// <summary>
/// A campaign as its organisers see its progress: the owner's organisers manage it; organisers of an organisation
/// above the owner may read its grid and roll-up, never change anything.
/// </summary>
public sealed record ProgressCampaign(
    int Id, string Title, int Year, int OwnerId, string OwnerName, CampaignStatus Status, DateOnly? Deadline, int? ParentCampaignId, bool CanManage);

public enum GridStatus
{
    /// <summary>未填报: no report saved yet.</summary>
    NotStarted,

    /// <summary>填报中: saved, not submitted (or withdrawn).</summary>
    Draft,
    Submitted,
    Returned,
    Approved,
}

public enum GridSort
{
    Unit,
    Status,
    SubmittedAt,
}

public sealed class GridQuery
{
    public GridStatus? Status { get; set; }

    public bool? Late { get; set; }

    public bool? Acknowledged { get; set; }

    public GridSort Sort { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record GridRow(
    int OrganisationId, string Unit, string? Phone, string? Contact, string? ContactPhone, bool Acknowledged, int Activities, int? ReportId,
    ReportStatus? Status, int VersionNumber, DateTimeOffset? SubmittedAt, bool IsLate, DateTimeOffset? ApprovedAt, int? ForwardedCampaignId,
    int Reminders = 0, DateTimeOffset? LastReminderAt = null)
{
    /// <summary>Not yet in the hands of the reviewers: no report, a draft, or a returned one.</summary>
    public bool NeedsReminder => Status is null or ReportStatus.Draft or ReportStatus.Returned;
}

public sealed record GridCounts(int Participants, int Acknowledged, int WithActivities, int Submitted, int Approved, int Late, int NotStarted)
{
    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(part * 100.0 / whole);
}

public sealed record GridViewModel(ProgressCampaign Campaign, GridQuery Query, GridCounts Counts, IReadOnlyList<GridRow> Rows, int Total, int Page, int PageCount);

/// <summary>One indicator's total over the counted reports; <see cref="AtLeast"/> when a 余 figure is in the sum ("≥").</summary>
public sealed record IndicatorTotal(string Code, string Name, string Unit, string? Group, long Hundredths, bool AtLeast, int Reports);

public sealed record UnitFigure(string Code, long Hundredths, FigureQualifier Qualifier, string? Note);

public sealed record UnitRollup(int OrganisationId, string Unit, int ReportId, ReportStatus Status, IReadOnlyDictionary<string, UnitFigure> Figures, int? ForwardedCampaignId);

public sealed record CategoryRollup(string Category, int Activities, int Held, long Participants);

public sealed record RollupViewModel(
    ProgressCampaign Campaign, bool IncludeSubmitted, GridCounts Counts, IReadOnlyList<IndicatorTotal> Totals, IReadOnlyList<UnitRollup> Units,
    IReadOnlyList<CategoryRollup> Categories, IReadOnlyList<SubmissionDay> Submissions);

public sealed record SubmissionDay(DateOnly Day, int Count);

/// <summary>
/// 报送进度 and 汇总. A campaign's totals are the sums of the reports filed <em>to that campaign</em> — approved ones, or
/// approved and submitted — computed in the database (GROUP BY). A unit that forwarded the campaign appears with its
/// own report; its units' reports belong to its own campaign, reachable by drill-down and never added here.
/// </summary>
public sealed class ProgressService(AppDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    public async Task<ProgressCampaign?> CampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var own = await currentUser.GetOrganisationAsync(cancellationToken);
        var found = await Found(campaignId)
            .Select(c => new { c.Id, c.Title, c.Year, c.OrganisationId, Owner = c.Organisation!.Name, OwnerPath = c.Organisation.Path, c.Status, c.ReportDeadline, c.ParentCampaignId })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : Readable(own, found.Id, found.Title, found.Year, found.OrganisationId, found.Owner, found.OwnerPath, found.Status, found.ReportDeadline, found.ParentCampaignId);
    }

    /// <summary>The campaign and its progress counts in one command (the grid and the roll-up show both).</summary>
    private async Task<(ProgressCampaign Campaign, GridCounts Counts)?> CampaignWithCountsAsync(int campaignId, CancellationToken cancellationToken)
    {
        var own = await currentUser.GetOrganisationAsync(cancellationToken);
        var found = await Found(campaignId)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Year,
                c.OrganisationId,
                Owner = c.Organisation!.Name,
                OwnerPath = c.Organisation.Path,
                c.Status,
                c.ReportDeadline,
                c.ParentCampaignId,
                Participants = c.Participants.Count,
                Acknowledged = c.Participants.Count(p => db.NoticeReceipts.Any(r => r.OrganisationId == p.OrganisationId && r.AcknowledgedAt != null
                    && db.Notices.Any(n => n.Id == r.NoticeId && n.CampaignId == c.Id))),
                WithActivities = c.Participants.Count(p => db.Activities.Any(a => a.CampaignId == c.Id && a.OrganisationId == p.OrganisationId)),
                Submitted = db.SummaryReports.Count(r => r.CampaignId == c.Id && r.Status != ReportStatus.Draft),
                Approved = db.SummaryReports.Count(r => r.CampaignId == c.Id && r.Status == ReportStatus.Approved),
                Late = db.SummaryReports.Count(r => r.CampaignId == c.Id && r.Status != ReportStatus.Draft && r.IsLate),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null
            || Readable(own, found.Id, found.Title, found.Year, found.OrganisationId, found.Owner, found.OwnerPath, found.Status, found.ReportDeadline, found.ParentCampaignId)
                is not { } campaign)
        {
            return null;
        }

        return (campaign, new GridCounts(found.Participants, found.Acknowledged, found.WithActivities, found.Submitted, found.Approved, found.Late,
            found.Participants - found.Submitted));
    }

    private IQueryable<Campaign> Found(int campaignId) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.Status != CampaignStatus.Draft);

    /// <summary>The owner's organisers manage the campaign; organisers of an organisation above the owner read it; others do not see it.</summary>
    private static ProgressCampaign? Readable(
        UserOrganisation own, int id, string title, int year, int ownerId, string owner, string ownerPath, CampaignStatus status, DateOnly? deadline, int? parentId)
    {
        var manages = ownerId == own.Id;
        var ancestor = ownerPath.StartsWith(own.Path, StringComparison.Ordinal) && ownerPath != own.Path;
        return manages || ancestor ? new ProgressCampaign(id, title, year, ownerId, owner, status, deadline, parentId, manages) : null;
    }

    public async Task<GridViewModel?> GridAsync(int campaignId, GridQuery query, CancellationToken cancellationToken)
    {
        if (await CampaignWithCountsAsync(campaignId, cancellationToken) is not (var campaign, var counts))
        {
            return null;
        }

        var rows = Rows(campaignId);
        rows = query.Status switch
        {
            GridStatus.NotStarted => rows.Where(r => r.Status == null),
            GridStatus.Draft => rows.Where(r => r.Status == ReportStatus.Draft),
            GridStatus.Submitted => rows.Where(r => r.Status == ReportStatus.Submitted),
            GridStatus.Returned => rows.Where(r => r.Status == ReportStatus.Returned),
            GridStatus.Approved => rows.Where(r => r.Status == ReportStatus.Approved),
            _ => rows,
        };
        if (query.Late is { } late)
        {
            rows = rows.Where(r => r.IsLate == late);
        }

        if (query.Acknowledged is { } acknowledged)
        {
            rows = rows.Where(r => r.Acknowledged == acknowledged);
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        query.Page = Math.Clamp(query.Page, 1, pageCount);
        var ordered = query.Sort switch
        {
            GridSort.Status => rows.OrderBy(r => r.Status).ThenBy(r => r.Path),
            GridSort.SubmittedAt => rows.OrderBy(r => r.SubmittedAt == null).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Path),
            _ => rows.OrderBy(r => r.Path),
        };
        var page = await ordered.Skip((query.Page - 1) * PageSize).Take(PageSize).Select(ToRow).ToListAsync(cancellationToken);
        return new GridViewModel(campaign, query, counts, page, total, query.Page, pageCount);
    }

    public sealed record ActivityExportRow(string Unit, string Title, string? Category, ActivityKind Kind, ActivityForm Form, DateOnly Start, DateOnly End,
        string? Venue, ActivityStatus Status, int? Expected, int? Actual, int Media);

    /// <summary>
    /// The activities registered under the campaign, for the Excel file (unit, then date): a query the writer reads row
    /// by row, so 100,000 activities are never in memory at once.
    /// </summary>
    public IEnumerable<ActivityExportRow> Activities(int campaignId) =>
        db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.Organisation!.Path).ThenBy(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new ActivityExportRow(a.Organisation!.Name, a.Title, a.Category!.Name, a.Kind, a.Form, a.StartDate, a.EndDate, a.Venue, a.Status,
                a.ExpectedParticipants, a.ActualParticipants, a.Media.Count))
            .AsEnumerable();

    /// <summary>Every row of the grid, for the Excel file.</summary>
    public Task<List<GridRow>> AllRowsAsync(int campaignId, CancellationToken cancellationToken) =>
        Rows(campaignId).OrderBy(r => r.Path).Select(ToRow).ToListAsync(cancellationToken);

    /// <summary>
    /// Five commands with the layout's: the campaign with its counts; the indicators and the figure sums (GROUP BY
    /// code) as one UNION ALL; the reports that were ever submitted with their figures and first submission; the
    /// activities by category; and the signed-in user's organisation with the header's badges.
    /// </summary>
    public async Task<RollupViewModel?> RollupAsync(int campaignId, bool includeSubmitted, CancellationToken cancellationToken)
    {
        if (await CampaignWithCountsAsync(campaignId, cancellationToken) is not (var campaign, var counts))
        {
            return null;
        }

        var totalRows = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).SelectMany(c => c.Indicators)
            .Select(i => new TotalRow { IsIndicator = true, Order = i.Order, Code = i.Code, Name = i.Name, Unit = i.Unit, Group = i.Group, Sum = 0, MoreThan = 0, Count = 0 })
            .Concat(Counted(campaignId, includeSubmitted).SelectMany(r => r.Figures)
                .GroupBy(f => f.Code)
                .Select(g => new TotalRow
                {
                    IsIndicator = false,
                    Order = 0,
                    Code = g.Key,
                    Name = string.Empty,
                    Unit = string.Empty,
                    Group = null,
                    Sum = g.Sum(f => f.Hundredths),
                    MoreThan = g.Max(f => f.Qualifier == FigureQualifier.MoreThan ? 1 : 0),
                    Count = g.Count(),
                }))
            .ToListAsync(cancellationToken);
        var sums = totalRows.Where(r => !r.IsIndicator).ToList();
        var totals = totalRows.Where(r => r.IsIndicator).OrderBy(i => i.Order)
            .Select(i => sums.FirstOrDefault(s => string.Equals(s.Code, i.Code, StringComparison.OrdinalIgnoreCase)) is { } s
                ? new IndicatorTotal(i.Code, i.Name, i.Unit, i.Group, s.Sum, s.MoreThan == 1, s.Count)
                : new IndicatorTotal(i.Code, i.Name, i.Unit, i.Group, 0, false, 0))
            .ToList();

        // Every report ever submitted (its version 1) with its figures: the counted ones are the per-unit table, all give the submission days.
        var submittedReports = await (
                from r in db.SummaryReports.AsNoTracking().Where(r => r.CampaignId == campaignId)
                join v in db.ReportVersions.AsNoTracking().Where(v => v.Number == 1) on r.Id equals v.ReportId
                from f in r.Figures.DefaultIfEmpty()
                orderby r.Organisation!.Path, r.Id
                select new
                {
                    r.Id,
                    r.OrganisationId,
                    Unit = r.Organisation!.Name,
                    r.Status,
                    v.SubmittedAt,
                    Forwarded = db.Campaigns.Where(c => c.ParentCampaignId == campaignId && c.OrganisationId == r.OrganisationId).Select(c => (int?)c.Id).FirstOrDefault(),
                    Code = (string?)f.Code,
                    Hundredths = (long?)f.Hundredths,
                    Qualifier = (FigureQualifier?)f.Qualifier,
                    f.Note,
                })
            .ToListAsync(cancellationToken);
        var units = submittedReports.Where(r => r.Status == ReportStatus.Approved || (includeSubmitted && r.Status == ReportStatus.Submitted))
            .GroupBy(r => r.Id)
            .Select(g => new UnitRollup(g.First().OrganisationId, g.First().Unit, g.Key, g.First().Status,
                g.Where(f => f.Code is not null).GroupBy(f => f.Code!, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(c => c.Key, c => new UnitFigure(c.Key, c.First().Hundredths!.Value, c.First().Qualifier!.Value, c.First().Note), StringComparer.OrdinalIgnoreCase),
                g.First().Forwarded))
            .ToList();

        // From the tallies (one row per unit and category), not from every activity of the campaign.
        var categories = await db.ActivityTallies.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Count > 0)
            .GroupBy(t => t.CategoryKey)
            .Select(g => new
            {
                Name = db.Set<ActivityCategory>().Where(x => x.Id == g.Key).Select(x => x.Name).FirstOrDefault(),
                Activities = g.Sum(t => t.Count),
                Held = g.Sum(t => t.Held),
                Participants = g.Sum(t => t.HeldParticipants),
            })
            .ToListAsync(cancellationToken);

        var days = submittedReports.DistinctBy(r => r.Id).Select(r => r.SubmittedAt)
            .GroupBy(t => DateOnly.FromDateTime(Infrastructure.ChinaTime.ToChina(t).DateTime)).OrderBy(g => g.Key)
            .Select(g => new SubmissionDay(g.Key, g.Count())).ToList();
        return new RollupViewModel(campaign, includeSubmitted, counts, totals, units,
            [.. categories.Select(c => new CategoryRollup(c.Name ?? "未分板块", c.Activities, c.Held, c.Participants)).OrderByDescending(c => c.Activities)], days);
    }

    /// <summary>A row of the roll-up's totals command: an indicator of the campaign, or the sum of the figures of one code.</summary>
    private sealed class TotalRow
    {
        public bool IsIndicator { get; init; }

        public int Order { get; init; }

        public string Code { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Unit { get; init; } = string.Empty;

        public string? Group { get; init; }

        public long Sum { get; init; }

        public int MoreThan { get; init; }

        public int Count { get; init; }
    }

    /// <summary>The reports a roll-up adds up: approved ones (and, when asked, those waiting for review) filed to this campaign.</summary>
    private IQueryable<SummaryReport> Counted(int campaignId, bool includeSubmitted) =>
        db.SummaryReports.AsNoTracking().Where(r => r.CampaignId == campaignId
            && (r.Status == ReportStatus.Approved || (includeSubmitted && r.Status == ReportStatus.Submitted)));

    private static readonly System.Linq.Expressions.Expression<Func<GridProjection, GridRow>> ToRow = r => new GridRow(
        r.OrganisationId, r.Unit, r.Phone, r.Contact, r.ContactPhone, r.Acknowledged, r.Activities, r.ReportId, r.Status, r.VersionNumber, r.SubmittedAt,
        r.IsLate, r.ApprovedAt, r.ForwardedCampaignId, r.Reminders, r.LastReminderAt);

    private IQueryable<GridProjection> Rows(int campaignId) =>
        db.Participants.AsNoTracking().Where(p => p.CampaignId == campaignId).Select(p => new GridProjection
        {
            OrganisationId = p.OrganisationId,
            Unit = p.Organisation!.Name,
            Path = p.Organisation.Path,
            Phone = p.Organisation.Phone,
            Acknowledged = db.NoticeReceipts.Any(r => r.OrganisationId == p.OrganisationId && r.AcknowledgedAt != null
                && db.Notices.Any(n => n.Id == r.NoticeId && n.CampaignId == campaignId)),
            Activities = db.Activities.Count(a => a.CampaignId == campaignId && a.OrganisationId == p.OrganisationId),
            ReportId = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Select(r => (int?)r.Id).FirstOrDefault(),
            Status = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Select(r => (ReportStatus?)r.Status).FirstOrDefault(),
            VersionNumber = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Select(r => r.LatestVersionNumber).FirstOrDefault(),
            SubmittedAt = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Select(r => r.SubmittedAt).FirstOrDefault(),
            IsLate = db.SummaryReports.Any(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId && r.IsLate && r.Status != ReportStatus.Draft),
            ApprovedAt = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId && r.Status == ReportStatus.Approved)
                .Select(r => r.ReviewedAt).FirstOrDefault(),
            Contact = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Select(r => r.FilerName).FirstOrDefault(),
            ContactPhone = db.SummaryReports.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Select(r => r.FilerPhone).FirstOrDefault(),
            ForwardedCampaignId = db.Campaigns.Where(c => c.ParentCampaignId == campaignId && c.OrganisationId == p.OrganisationId).Select(c => (int?)c.Id).FirstOrDefault(),
            Reminders = db.Reminders.Count(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId),
            LastReminderAt = db.Reminders.Where(r => r.CampaignId == campaignId && r.OrganisationId == p.OrganisationId).Max(r => (DateTimeOffset?)r.SentAt),
        });

    /// <summary>A grid row as SQL sees it (a class, so filters and sorts translate).</summary>
    private sealed class GridProjection
    {
        public int OrganisationId { get; init; }

        public string Unit { get; init; } = string.Empty;

        public string Path { get; init; } = string.Empty;

        public string? Phone { get; init; }

        public string? Contact { get; init; }

        public string? ContactPhone { get; init; }

        public bool Acknowledged { get; init; }

        public int Activities { get; init; }

        public int? ReportId { get; init; }

        public ReportStatus? Status { get; init; }

        public int VersionNumber { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }

        public bool IsLate { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public int? ForwardedCampaignId { get; init; }

        public int Reminders { get; init; }

        public DateTimeOffset? LastReminderAt { get; init; }
    }
}
