using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Reports;

/// <summary>A submitted version as read by its unit, or by reviewers and organisers of the campaign's owner.</summary>
public sealed record ReportViewModel(
    int ReportId, int CampaignId, string CampaignTitle, string UnitName, ReportStatus Status, DateOnly? Deadline, ReportVersion? Version,
    IReadOnlyList<Indicator> Indicators, IReadOnlyList<VersionRow> Versions, IReadOnlyList<ReportEvent> Events, bool IsOwnUnit, bool CanReview,
    bool CanReopen, ReturnInput ReturnInput, VersionDiff? Diff)
{
    public bool ShowsLatest => Version is not null && Versions.Count > 0 && Version.Number == Versions[0].Number;
}

/// <summary>
/// Who may read a report: its own unit (every version, at any time), and the reviewers and organisers of the
/// organisation owning the campaign once it has been submitted (never a draft). Anyone else: not found.
/// </summary>
public sealed class ReportReadService(AppDbContext db, CurrentUser currentUser)
{
    public async Task<ReportViewModel?> ShowAsync(int reportId, int? number, ReturnInput? returnInput, CancellationToken cancellationToken)
    {
        if (await AccessAsync(reportId, cancellationToken) is not { } access)
        {
            return null;
        }

        var report = access.Report;
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == reportId).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.SubmittedAt, v.SubmittedBy, v.IsLate, v.WithdrawnAt, v.Decision, v.ReviewedAt, v.ReviewedBy, v.ReviewComment))
            .ToListAsync(cancellationToken);
        var wanted = number ?? (versions.Count > 0 ? versions[0].Number : 0);
        var version = await db.ReportVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ReportId == reportId && v.Number == wanted, cancellationToken);
        if (number is not null && version is null)
        {
            return null;
        }

        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Indicators).Include(c => c.Participants.Where(p => p.OrganisationId == report.OrganisationId))
            .SingleAsync(c => c.Id == report.CampaignId, cancellationToken);
        var events = await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == reportId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var unitName = await db.Organisations.AsNoTracking().Where(o => o.Id == report.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var isLatest = version is not null && version.Number == report.LatestVersionNumber;
        var indicators = campaign.Indicators.OrderBy(i => i.Order).ToList();
        VersionDiff? diff = null;
        if (version is { Number: > 1 }
            && await db.ReportVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ReportId == reportId && v.Number == version.Number - 1, cancellationToken) is { } previous)
        {
            diff = VersionDiff.Between(previous, version, indicators);
        }

        return new ReportViewModel(report.Id, campaign.Id, campaign.Title, unitName, report.Status, campaign.DeadlineFor(report.OrganisationId), version,
            indicators, versions, events, access.IsOwnUnit,
            access.IsOwner && currentUser.IsInRole(Roles.Reviewer) && report.Status == ReportStatus.Submitted && isLatest,
            access.IsOwner && currentUser.IsInRole(Roles.Organiser) && report.Status == ReportStatus.Approved,
            returnInput ?? new ReturnInput(), diff);
    }

    /// <summary>A file of the report: the working copy's (its own unit only) or any readable version's.</summary>
    public async Task<StoredFile?> FileAsync(int reportId, Guid fileId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(reportId, cancellationToken) is not { } access)
        {
            return null;
        }

        var listed = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == reportId).SelectMany(v => v.Files).AnyAsync(f => f.StoredFileId == fileId, cancellationToken)
            || (access.IsOwnUnit && access.Report.Files.Any(f => f.StoredFileId == fileId));
        return listed ? await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken) : null;
    }

    public sealed record Access(SummaryReport Report, bool IsOwnUnit, bool IsOwner);

    public async Task<Access?> AccessAsync(int reportId, CancellationToken cancellationToken)
    {
        if (currentUser.Principal.OrganisationId() is not { } own)
        {
            return null;
        }

        var report = await db.SummaryReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var isOwnUnit = report.OrganisationId == own && (currentUser.IsInRole(Roles.Filer) || currentUser.IsInRole(Roles.Organiser));
        var isOwner = report.OwnerOrganisationId == own && (currentUser.IsInRole(Roles.Reviewer) || currentUser.IsInRole(Roles.Organiser))
            && report.Status != ReportStatus.Draft;
        return isOwnUnit || isOwner ? new Access(report, isOwnUnit, isOwner) : null;
    }
}
