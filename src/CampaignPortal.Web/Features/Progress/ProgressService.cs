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
        var found = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId && c.Status != CampaignStatus.Draft)
            .Select(c => new { c.Id, c.Title, c.Year, c.OrganisationId, Owner = c.Organisation!.Name, OwnerPath = c.Organisation.Path, c.Status, c.ReportDeadline, c.ParentCampaignId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var manages = found.OrganisationId == own.Id;
        var ancestor = found.OwnerPath.StartsWith(own.Path, StringComparison.Ordinal) && found.OwnerPath != own.Path;
        return manages || ancestor
            ? new ProgressCampaign(found.Id, found.Title, found.Year, found.OrganisationId, found.Owner, found.Status, found.ReportDeadline, found.ParentCampaignId, manages)
            : null;
    }

    public async Task<GridViewModel?> GridAsync(int campaignId, GridQuery query, CancellationToken cancellationToken)
    {
        if (await CampaignAsync(campaignId, cancellationToken) is not { } campaign)
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
        return new GridViewModel(campaign, query, await CountsAsync(campaignId, cancellationToken), page, total, query.Page, pageCount);
    }

    public sealed record ActivityExportRow(string Unit, string Title, string? Category, ActivityKind Kind, ActivityForm Form, DateOnly Start, DateOnly End,
        string? Venue, ActivityStatus Status, int? Expected, int? Actual, int Media);

    /// <summary>The activities registered under the campaign, for the Excel file (unit, then date).</summary>
    public Task<List<ActivityExportRow>> ActivitiesAsync(int campaignId, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.Organisation!.Path).ThenBy(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => new ActivityExportRow(a.Organisation!.Name, a.Title, a.Category!.Name, a.Kind, a.Form, a.StartDate, a.EndDate, a.Venue, a.Status,
                a.ExpectedParticipants, a.ActualParticipants, a.Media.Count))
            .ToListAsync(cancellationToken);

    /// <summary>Every row of the grid, for the Excel file.</summary>
    public Task<List<GridRow>> AllRowsAsync(int campaignId, CancellationToken cancellationToken) =>
        Rows(campaignId).OrderBy(r => r.Path).Select(ToRow).ToListAsync(cancellationToken);

    public async Task<GridCounts> CountsAsync(int campaignId, CancellationToken cancellationToken)
    {
        var counts = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new
        {
            Participants = c.Participants.Count,
            Acknowledged = c.Participants.Count(p => db.NoticeReceipts.Any(r => r.OrganisationId == p.OrganisationId && r.AcknowledgedAt != null
                && db.Notices.Any(n => n.Id == r.NoticeId && n.CampaignId == c.Id))),
            WithActivities = c.Participants.Count(p => db.Activities.Any(a => a.CampaignId == c.Id && a.OrganisationId == p.OrganisationId)),
            Submitted = db.SummaryReports.Count(r => r.CampaignId == c.Id && r.Status != ReportStatus.Draft),
            Approved = db.SummaryReports.Count(r => r.CampaignId == c.Id && r.Status == ReportStatus.Approved),
            Late = db.SummaryReports.Count(r => r.CampaignId == c.Id && r.Status != ReportStatus.Draft && r.IsLate),
        }).SingleAsync(cancellationToken);
        return new GridCounts(counts.Participants, counts.Acknowledged, counts.WithActivities, counts.Submitted, counts.Approved, counts.Late,
            counts.Participants - counts.Submitted);
    }

    public async Task<RollupViewModel?> RollupAsync(int campaignId, bool includeSubmitted, CancellationToken cancellationToken)
    {
        if (await CampaignAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var counted = Counted(campaignId, includeSubmitted);
        var indicators = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).SelectMany(c => c.Indicators).OrderBy(i => i.Order)
            .Select(i => new { i.Code, i.Name, i.Unit, i.Group }).ToListAsync(cancellationToken);
        var sums = await counted.SelectMany(r => r.Figures)
            .GroupBy(f => f.Code)
            .Select(g => new { Code = g.Key, Sum = g.Sum(f => f.Hundredths), MoreThan = g.Max(f => f.Qualifier == FigureQualifier.MoreThan ? 1 : 0), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var totals = indicators.Select(i => sums.FirstOrDefault(s => string.Equals(s.Code, i.Code, StringComparison.OrdinalIgnoreCase)) is { } s
                ? new IndicatorTotal(i.Code, i.Name, i.Unit, i.Group, s.Sum, s.MoreThan == 1, s.Count)
                : new IndicatorTotal(i.Code, i.Name, i.Unit, i.Group, 0, false, 0))
            .ToList();

        var figures = await counted.SelectMany(r => r.Figures, (r, f) => new { r.Id, r.OrganisationId, f.Code, f.Hundredths, f.Qualifier, f.Note })
            .ToListAsync(cancellationToken);
        var reports = await counted.OrderBy(r => r.Organisation!.Path)
            .Select(r => new
            {
                r.Id,
                r.OrganisationId,
                Unit = r.Organisation!.Name,
                r.Status,
                Forwarded = db.Campaigns.Where(c => c.ParentCampaignId == campaignId && c.OrganisationId == r.OrganisationId).Select(c => (int?)c.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var units = reports.Select(r => new UnitRollup(r.OrganisationId, r.Unit, r.Id, r.Status,
            figures.Where(f => f.Id == r.Id).GroupBy(f => f.Code, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => new UnitFigure(g.Key, g.First().Hundredths, g.First().Qualifier, g.First().Note), StringComparer.OrdinalIgnoreCase),
            r.Forwarded)).ToList();

        var categories = await db.Activities.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .GroupBy(a => a.Category!.Name)
            .Select(g => new CategoryRollup(g.Key ?? "未分板块", g.Count(), g.Count(a => a.Status == ActivityStatus.Held),
                g.Sum(a => a.Status == ActivityStatus.Held ? (long?)a.ActualParticipants ?? 0 : 0)))
            .ToListAsync(cancellationToken);

        var submitted = await db.ReportVersions.AsNoTracking().Where(v => v.Report!.CampaignId == campaignId && v.Number == 1)
            .Select(v => v.SubmittedAt).ToListAsync(cancellationToken);
        var days = submitted.GroupBy(t => DateOnly.FromDateTime(Infrastructure.ChinaTime.ToChina(t).DateTime)).OrderBy(g => g.Key)
            .Select(g => new SubmissionDay(g.Key, g.Count())).ToList();
        return new RollupViewModel(campaign, includeSubmitted, await CountsAsync(campaignId, cancellationToken), totals, units,
            [.. categories.OrderByDescending(c => c.Activities)], days);
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
