using CampaignPortal.Web.Security;

namespace CampaignPortal.Web.Features.Workbench;

public sealed record RoleHomeViewModel(string OrganisationName);

/// <summary>The role home pages. Every query is scoped to the signed-in user's subtree.</summary>
public sealed class WorkbenchService(CurrentUser currentUser)
{
    public async Task<RoleHomeViewModel> RoleHomeAsync(CancellationToken cancellationToken) =>
        new((await currentUser.GetOrganisationAsync(cancellationToken)).Name);
}
