using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Security;

/// <summary>
/// The one way to restrict organisation-owned data to a subtree. Every query of administration pages goes through
/// these, so forgetting the scope means writing a query that does not compile against the usual helpers.
/// </summary>
public static class OrganisationScope
{
    public static IQueryable<Organisation> WithinSubtree(this IQueryable<Organisation> query, string rootPath) =>
        query.Where(o => o.Path.StartsWith(rootPath));

    public static IQueryable<ApplicationUser> WithinSubtree(this IQueryable<ApplicationUser> query, string rootPath) =>
        query.Where(u => u.Organisation!.Path.StartsWith(rootPath));
}
