using System.Security.Claims;
using CampaignPortal.Web.Data;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Security;

/// <summary>The signed-in user's organisation as stored now (the claim holds only its id; the path can change on a move).</summary>
public sealed record UserOrganisation(int Id, string Name, string ShortName, string Path);

/// <summary>The header's badges: unread notifications (the bell) and, for reviewers, reports waiting for review.</summary>
public sealed record HeaderBadges(int Unread, int Waiting)
{
    /// <summary>Counts stop here: the badges show "99+" beyond 99, so counting further is wasted work on a big queue.</summary>
    public const int Cap = 100;
}

/// <summary>
/// Who is asking, for services that scope their queries. One per request. The organisation is read together with the
/// header's badge counts in one query, since every signed-in page needs both: a page pays one command for its user.
/// </summary>
public sealed class CurrentUser
{
    private readonly IHttpContextAccessor _http;
    private readonly AppDbContext _db;
    private UserOrganisation? _organisation;
    private HeaderBadges? _badges;

    public CurrentUser(IHttpContextAccessor http, AppDbContext db)
    {
        _http = http;
        _db = db;

        // Something saved in this request (an approval, a notification read) may change the counts: count them again.
        db.SavedChanges += (_, _) => _badges = null;
    }

    public ClaimsPrincipal Principal => _http.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => Principal.UserId();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public async Task<UserOrganisation> GetOrganisationAsync(CancellationToken cancellationToken = default)
    {
        if (_organisation is null)
        {
            await LoadAsync(cancellationToken);
        }

        return _organisation!;
    }

    /// <summary>The header's counts (unread for every signed-in user; waiting only for reviewers, 0 otherwise).</summary>
    public async Task<HeaderBadges> GetBadgesAsync(CancellationToken cancellationToken = default)
    {
        if (_badges is not null)
        {
            return _badges;
        }

        if (Principal.OrganisationId() is null)
        {
            var userId = UserId;
            return _badges = new HeaderBadges(
                userId is null ? 0 : await _db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken), 0);
        }

        await LoadAsync(cancellationToken);
        return _badges!;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Principal.OrganisationId() ?? throw new InvalidOperationException("No signed-in user with an organisation.");
        var userId = UserId ?? string.Empty;
        var reviewer = IsInRole(Roles.Reviewer);
        var row = await _db.Organisations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new
            {
                Organisation = new UserOrganisation(o.Id, o.Name, o.ShortName, o.Path),
                Unread = _db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).Take(HeaderBadges.Cap).Count(),
                Waiting = reviewer ? _db.SummaryReports.Where(r => r.OwnerOrganisationId == id && r.Status == ReportStatus.Submitted).Take(HeaderBadges.Cap).Count() : 0,
            })
            .SingleAsync(cancellationToken);
        _organisation = row.Organisation;
        _badges = new HeaderBadges(row.Unread, row.Waiting);
    }
}
