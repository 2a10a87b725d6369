using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Workbench;

public sealed record OrganisationRow(int Id, string Name, string ShortName, string Kind, int Level, int Users, bool IsActive);

public sealed record AdminOverviewViewModel(string RootName, IReadOnlyList<OrganisationRow> Organisations, int TotalUsers);

public sealed record RoleHomeViewModel(string OrganisationName);

/// <summary>The role home pages. Every query is scoped to the signed-in user's subtree.</summary>
public sealed class WorkbenchService(AppDbContext db, CurrentUser currentUser)
{
    public async Task<AdminOverviewViewModel> AdminOverviewAsync(CancellationToken cancellationToken)
    {
        var root = await currentUser.GetOrganisationAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().WithinSubtree(root.Path)
            .Select(o => new { o.Id, o.ParentId, o.Name, o.ShortName, o.Kind, o.Depth, o.IsActive })
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().WithinSubtree(root.Path)
            .GroupBy(u => u.OrganisationId)
            .Select(g => new { OrganisationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OrganisationId, g => g.Count, cancellationToken);

        // Depth-first, siblings in the order they were created, so the table reads like the tree.
        var children = organisations.ToLookup(o => o.ParentId);
        var rows = new List<OrganisationRow>(organisations.Count);
        var rootRow = organisations.Single(o => o.Id == root.Id);
        var stack = new Stack<(int Id, int Level)>();
        stack.Push((rootRow.Id, 0));
        var byId = organisations.ToDictionary(o => o.Id);
        while (stack.Count > 0)
        {
            var (id, level) = stack.Pop();
            var o = byId[id];
            rows.Add(new OrganisationRow(o.Id, o.Name, o.ShortName, o.Kind.ToChinese(), level, users.GetValueOrDefault(o.Id), o.IsActive));
            foreach (var child in children[id].OrderByDescending(c => c.Id))
            {
                stack.Push((child.Id, level + 1));
            }
        }

        return new AdminOverviewViewModel(root.Name, rows, users.Values.Sum());
    }

    public async Task<RoleHomeViewModel> RoleHomeAsync(CancellationToken cancellationToken) =>
        new((await currentUser.GetOrganisationAsync(cancellationToken)).Name);
}
