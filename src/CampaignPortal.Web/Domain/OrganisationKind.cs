namespace CampaignPortal.Web.Domain;

/// <summary>Stored as its name; the UI shows <see cref="OrganisationKindNames"/>.</summary>
public enum OrganisationKind
{
    National,
    Provincial,
    Prefecture,
    County,
    Society,
    University,
    Enterprise,
    GovernmentBody,
}

public static class OrganisationKindNames
{
    public static string ToChinese(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.National => "全国科协",
        OrganisationKind.Provincial => "省级科协",
        OrganisationKind.Prefecture => "地州市科协",
        OrganisationKind.County => "县区科协",
        OrganisationKind.Society => "学会/协会/研究会",
        OrganisationKind.University => "高校科协",
        OrganisationKind.Enterprise => "企业科协",
        OrganisationKind.GovernmentBody => "党政部门",
        _ => kind.ToString(),
    };
}
