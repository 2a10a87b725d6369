namespace CampaignPortal.Web.Security;

/// <summary>The Identity roles. A user may hold several; experts are granted per selection, not by role.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Organiser = nameof(Organiser);
    public const string Filer = nameof(Filer);
    public const string Reviewer = nameof(Reviewer);

    public static readonly IReadOnlyList<string> All = [Admin, Organiser, Filer, Reviewer];

    public static string ToChinese(string role) => role switch
    {
        Admin => "系统管理员",
        Organiser => "活动组织者",
        Filer => "填报员",
        Reviewer => "审核员",
        _ => role,
    };
}

/// <summary>Named policies, one per area; resource checks come on top of these.</summary>
public static class Policies
{
    public const string AdminArea = nameof(AdminArea);
    public const string OrganiserArea = nameof(OrganiserArea);
    public const string FilerArea = nameof(FilerArea);
    public const string ReviewerArea = nameof(ReviewerArea);

    /// <summary>Registering activities and sub-venues: a unit's filers and organisers.</summary>
    public const string ActivityArea = nameof(ActivityArea);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(AdminArea, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(OrganiserArea, p => p.RequireRole(Roles.Organiser));
        options.AddPolicy(FilerArea, p => p.RequireRole(Roles.Filer));
        options.AddPolicy(ReviewerArea, p => p.RequireRole(Roles.Reviewer));
        options.AddPolicy(ActivityArea, p => p.RequireRole(Roles.Filer, Roles.Organiser));
    }
}
