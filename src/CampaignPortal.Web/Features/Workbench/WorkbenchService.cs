using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Workbench;

public sealed record RoleHomeViewModel(string OrganisationName);

public sealed record FilerCampaignRow(int Id, string Title, string Owner, CampaignStatus Status, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? ReportDeadline, int Activities, ReportStatus? Report, bool Late);

public sealed record FilerHomeViewModel(string OrganisationName, IReadOnlyList<FilerCampaignRow> Campaigns);

/// <summary>The role home pages. Every query is scoped to the signed-in user's organisation.</summary>
public sealed class WorkbenchService(AppDbContext db, CurrentUser currentUser)
{
    public async Task<RoleHomeViewModel> RoleHomeAsync(CancellationToken cancellationToken) =>
        new((await currentUser.GetOrganisationAsync(cancellationToken)).Name);

    /// <summary>The campaigns the unit takes part in (newest first), with its own activity count.</summary>
    public async Task<FilerHomeViewModel> FilerHomeAsync(CancellationToken cancellationToken)
    {
        var own = await currentUser.GetOrganisationAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status != CampaignStatus.Draft && c.Participants.Any(p => p.OrganisationId == own.Id))
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(50)
            .Select(c => new FilerCampaignRow(c.Id, c.Title, c.Organisation!.Name, c.Status, c.PeriodStart, c.PeriodEnd,
                c.Participants.Where(p => p.OrganisationId == own.Id && p.ExtendedDeadline != null && (c.ReportDeadline == null || p.ExtendedDeadline > c.ReportDeadline))
                    .Select(p => p.ExtendedDeadline).FirstOrDefault() ?? c.ReportDeadline,
                db.Activities.Count(a => a.CampaignId == c.Id && a.OrganisationId == own.Id),
                db.SummaryReports.Where(r => r.CampaignId == c.Id && r.OrganisationId == own.Id).Select(r => (ReportStatus?)r.Status).FirstOrDefault(),
                db.SummaryReports.Any(r => r.CampaignId == c.Id && r.OrganisationId == own.Id && r.IsLate)))
            .ToListAsync(cancellationToken);
        return new FilerHomeViewModel(own.Name, campaigns);
    }
}
