using System.Security.Claims;
using CampaignPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Security;

/// <summary>The signed-in user's organisation as stored now (the claim holds only its id; the path can change on a move).</summary>
public sealed record UserOrganisation(int Id, string Name, string ShortName, string Path);

/// <summary>Who is asking, for services that scope their queries. One per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db)
{
    private UserOrganisation? _organisation;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => Principal.UserId();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public async Task<UserOrganisation> GetOrganisationAsync(CancellationToken cancellationToken = default)
    {
        if (_organisation is not null)
        {
            return _organisation;
        }

        var id = Principal.OrganisationId() ?? throw new InvalidOperationException("No signed-in user with an organisation.");
        _organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new UserOrganisation(o.Id, o.Name, o.ShortName, o.Path))
            .SingleAsync(cancellationToken);
        return _organisation;
    }
}
