using CampaignPortal.Web.Data;
using CampaignPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Features.Account;

public sealed record OrganisationMatch(int Id, string Name, string ShortName);

public sealed record ResponsibleAdmin(string DisplayName, string? Phone);

public sealed record PasswordHelpViewModel(
    string? Query, IReadOnlyList<OrganisationMatch> Matches, string? OrganisationName, string? AdminOrganisation,
    string? AdminOrganisationPhone, IReadOnlyList<ResponsibleAdmin> Admins);

/// <summary>
/// "Forgot password": staff ask their administrator by phone. The page finds the unit, then the nearest unit at or
/// above it that has an active administrator, and shows that administrator's name and phone. It asks for the unit,
/// not the e-mail, so it tells nobody which accounts exist.
/// </summary>
public sealed class PasswordHelpService(AppDbContext db)
{
    public async Task<PasswordHelpViewModel> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Trim().Length < 2)
        {
            return new PasswordHelpViewModel(query, [], null, null, null, []);
        }

        var q = query.Trim();
        var matches = await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive && (o.Name.Contains(q) || o.ShortName.Contains(q)))
            .OrderBy(o => o.Depth).ThenBy(o => o.Id)
            .Take(20)
            .Select(o => new OrganisationMatch(o.Id, o.Name, o.ShortName))
            .ToListAsync(cancellationToken);
        return new PasswordHelpViewModel(q, matches, null, null, null, []);
    }

    public async Task<PasswordHelpViewModel?> ForOrganisationAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id && o.IsActive)
            .Select(o => new { o.Name, o.Path }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        // Ancestors-or-self are the organisations whose path is a prefix of this one's.
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => organisation.Path.StartsWith(o.Path))
            .OrderByDescending(o => o.Depth)
            .Select(o => new
            {
                o.Name,
                o.Phone,
                Admins = db.Users
                    .Where(u => u.OrganisationId == o.Id && !u.IsDisabled
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)))
                    .OrderBy(u => u.DisplayName)
                    .Select(u => new ResponsibleAdmin(u.DisplayName, u.PhoneNumber))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var responsible = candidates.FirstOrDefault(c => c.Admins.Count > 0);
        return new PasswordHelpViewModel(null, [], organisation.Name, responsible?.Name, responsible?.Phone, responsible?.Admins ?? []);
    }
}
