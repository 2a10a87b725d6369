using CampaignPortal.Web.Security;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>A demo account of DOMAIN.md.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Organisation, IReadOnlyList<string> Roles);

public static class DemoAccounts
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@demo.local", "王建国", OrganisationSeeds.National, [Roles.Admin]),
        new("cast.organiser@demo.local", "李明", OrganisationSeeds.National, [Roles.Organiser]),
        new("cast.reviewer@demo.local", "赵丽", OrganisationSeeds.National, [Roles.Reviewer]),
        new("xj.admin@demo.local", "阿依古丽·买买提", OrganisationSeeds.Xinjiang, [Roles.Admin]),
        new("xj.organiser@demo.local", "杨倩", OrganisationSeeds.Xinjiang, [Roles.Organiser, Roles.Filer]),
        new("xj.reviewer@demo.local", "杨青", OrganisationSeeds.Xinjiang, [Roles.Reviewer]),
        new("klmy.organiser@demo.local", "刘强", OrganisationSeeds.Karamay, [Roles.Organiser]),
        new("klmy.filer@demo.local", "陈静", OrganisationSeeds.Karamay, [Roles.Filer]),
        new("hami.filer@demo.local", "马晓燕", OrganisationSeeds.Hami, [Roles.Filer]),
        new("sx.organiser@demo.local", "李磊", OrganisationSeeds.Shaanxi, [Roles.Organiser]),
        new("expert1@demo.local", "周文", OrganisationSeeds.XinjiangMedical, []),
        new("expert2@demo.local", "孙海", OrganisationSeeds.XinjiangUniversity, []),
    ];
}
