using CampaignPortal.Web.Data;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Home;

public sealed record DashboardViewModel(
    string DisplayName,
    string OrganisationName,
    IReadOnlyList<string> RoleNames,
    bool IsAdmin,
    bool IsOrganiser,
    bool IsFiler,
    bool IsReviewer,
    AdminSummary? Admin,
    OrganiserSummary? Organiser,
    IReadOnlyList<Receipts.PendingNotice> PendingNotices);

public sealed record OrganiserSummary(int Published, int Drafts, int DraftNotices);

public sealed record AdminSummary(int Organisations, int Users, int LockedUsers);

/// <summary>What the signed-in user has to do now, per role.</summary>
public sealed class DashboardService(AppDbContext db, CurrentUser currentUser, Receipts.ReceiptService receipts, TimeProvider clock)
{
    public async Task<DashboardViewModel> BuildAsync(CancellationToken cancellationToken)
    {
        var organisation = await currentUser.GetOrganisationAsync(cancellationToken);
        var roles = Roles.All.Where(currentUser.IsInRole).ToList();
        AdminSummary? admin = null;
        if (currentUser.IsInRole(Roles.Admin))
        {
            var now = clock.GetUtcNow();
            var organisations = await db.Organisations.AsNoTracking().WithinSubtree(organisation.Path).CountAsync(cancellationToken);
            var users = db.Users.AsNoTracking().WithinSubtree(organisation.Path);
            var userCount = await users.CountAsync(cancellationToken);
            var locked = await users.CountAsync(u => u.LockoutEnd != null && u.LockoutEnd > now, cancellationToken);
            admin = new AdminSummary(organisations, userCount, locked);
        }

        OrganiserSummary? organiser = null;
        if (currentUser.IsInRole(Roles.Organiser))
        {
            var campaigns = db.Campaigns.AsNoTracking().Where(c => c.OrganisationId == organisation.Id);
            organiser = new OrganiserSummary(
                await campaigns.CountAsync(c => c.Status == Domain.CampaignStatus.Published, cancellationToken),
                await campaigns.CountAsync(c => c.Status == Domain.CampaignStatus.Draft, cancellationToken),
                await db.Notices.CountAsync(n => n.Campaign!.OrganisationId == organisation.Id && n.Status == Domain.NoticeStatus.Draft, cancellationToken));
        }

        return new DashboardViewModel(
            currentUser.Principal.DisplayName(),
            organisation.Name,
            roles.Select(Roles.ToChinese).ToList(),
            roles.Contains(Roles.Admin),
            roles.Contains(Roles.Organiser),
            roles.Contains(Roles.Filer),
            roles.Contains(Roles.Reviewer),
            admin,
            organiser,
            await receipts.PendingAsync(cancellationToken));
    }
}
