using CampaignPortal.Web.Domain;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>An organisation to seed, with its children.</summary>
public sealed record OrganisationSeed(
    string Name,
    string ShortName,
    OrganisationKind Kind,
    IReadOnlyList<OrganisationSeed>? Children = null,
    string? Phone = null,
    string? Address = null)
{
    public IReadOnlyList<OrganisationSeed> ChildrenOrEmpty => Children ?? [];
}

/// <summary>
/// The organisations of DOMAIN.md. <see cref="Reference"/> exists in every environment: the national association and
/// the provincial associations the seed documents come from. The rest hang below them only with demo data.
/// </summary>
public static class OrganisationSeeds
{
    public const string National = "中国科学技术协会";
    public const string Xinjiang = "新疆维吾尔自治区科学技术协会";
    public const string Shaanxi = "陕西省科学技术协会";
    public const string InnerMongolia = "内蒙古自治区科学技术协会";
    public const string Karamay = "克拉玛依市科学技术协会";
    public const string Hami = "哈密市科学技术协会";
    public const string XinjiangMedical = "新疆维吾尔自治区医学会";
    public const string XinjiangUniversity = "新疆大学科学技术协会";

    public static readonly OrganisationSeed Reference = new(National, "中国科协", OrganisationKind.National,
    [
        new(Xinjiang, "自治区科协", OrganisationKind.Provincial, Phone: "0991-3836587", Address: "新疆乌鲁木齐市"),
        new(Shaanxi, "陕西省科协", OrganisationKind.Provincial, Phone: "029-63917171", Address: "陕西省西安市"),
        new(InnerMongolia, "内蒙古科协", OrganisationKind.Provincial),
    ]);

    /// <summary>Children added under the reference organisations of the same name.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<OrganisationSeed>> Demo =
        new Dictionary<string, IReadOnlyList<OrganisationSeed>>
        {
            [Xinjiang] =
            [
                Prefecture("乌鲁木齐市", "乌鲁木齐市科协"),
                new(Karamay, "克拉玛依市科协", OrganisationKind.Prefecture,
                [
                    new("克拉玛依区科学技术协会", "克拉玛依区科协", OrganisationKind.County),
                    new("独山子区科学技术协会", "独山子区科协", OrganisationKind.County),
                ]),
                Prefecture("吐鲁番市", "吐鲁番市科协"),
                new(Hami, "哈密市科协", OrganisationKind.Prefecture),
                Prefecture("昌吉回族自治州", "昌吉州科协"),
                Prefecture("博尔塔拉蒙古自治州", "博州科协"),
                Prefecture("巴音郭楞蒙古自治州", "巴州科协"),
                Prefecture("阿克苏地区", "阿克苏地区科协"),
                Prefecture("克孜勒苏柯尔克孜自治州", "克州科协"),
                Prefecture("喀什地区", "喀什地区科协"),
                Prefecture("和田地区", "和田地区科协"),
                Prefecture("伊犁哈萨克自治州", "伊犁州科协"),
                Prefecture("塔城地区", "塔城地区科协"),
                Prefecture("阿勒泰地区", "阿勒泰地区科协"),
                new("新疆维吾尔自治区科学技术厅", "自治区科技厅", OrganisationKind.GovernmentBody),
                new("中共新疆维吾尔自治区委员会宣传部", "自治区党委宣传部", OrganisationKind.GovernmentBody),
                new(XinjiangMedical, "自治区医学会", OrganisationKind.Society),
                new(XinjiangUniversity, "新疆大学科协", OrganisationKind.University),
                new("新疆金风科技股份有限公司科学技术协会", "金风科技科协", OrganisationKind.Enterprise),
            ],
            [Shaanxi] =
            [
                Prefecture("西安市", "西安市科协"),
                Prefecture("咸阳市", "咸阳市科协"),
                Prefecture("宝鸡市", "宝鸡市科协"),
                Prefecture("杨凌示范区", "杨凌示范区科协"),
                Prefecture("韩城市", "韩城市科协"),
                new("陕西省农学会", "省农学会", OrganisationKind.Society),
                new("陕西省机械工程学会", "省机械工程学会", OrganisationKind.Society),
            ],
            [InnerMongolia] =
            [
                new("呼和浩特市科学技术协会", "呼和浩特市科协", OrganisationKind.Prefecture,
                [
                    new("新城区科学技术协会", "新城区科协", OrganisationKind.County),
                    new("土默特左旗科学技术协会", "土左旗科协", OrganisationKind.County),
                ]),
            ],
        };

    private static OrganisationSeed Prefecture(string place, string shortName) =>
        new(place + "科学技术协会", shortName, OrganisationKind.Prefecture);
}
