using CampaignPortal.Web.Domain;

namespace CampaignPortal.UnitTests.Domain;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_Child_PathExtendsParentAndDepthIncreases()
    {
        var national = new Organisation("中国科学技术协会", "中国科协", OrganisationKind.National, null, Now);
        var xinjiang = new Organisation("新疆维吾尔自治区科学技术协会", "自治区科协", OrganisationKind.Provincial, national, Now);
        var karamay = new Organisation("克拉玛依市科学技术协会", "克拉玛依市科协", OrganisationKind.Prefecture, xinjiang, Now);

        Assert.Matches("^/[0-9a-z]{8}/$", national.Path);
        Assert.StartsWith(xinjiang.Path, karamay.Path, StringComparison.Ordinal);
        Assert.Equal(2, karamay.Depth);
        Assert.True(karamay.IsWithin(national));
        Assert.True(karamay.IsWithin(karamay));
        Assert.False(xinjiang.IsWithin(karamay));
    }

    [Fact]
    public void Constructor_Siblings_GetDistinctPaths()
    {
        var parent = new Organisation("陕西省科学技术协会", "陕西省科协", OrganisationKind.Provincial, null, Now);

        var paths = Enumerable.Range(0, 200)
            .Select(i => new Organisation($"单位{i}", string.Empty, OrganisationKind.Society, parent, Now).Path)
            .ToHashSet();

        Assert.Equal(200, paths.Count);
    }

    [Fact]
    public void Constructor_NamesTrimmed_ShortNameDefaultsToName()
    {
        var organisation = new Organisation("  陕西省农学会 ", "  ", OrganisationKind.Society, null, Now);

        Assert.Equal("陕西省农学会", organisation.Name);
        Assert.Equal("陕西省农学会", organisation.ShortName);
        Assert.True(organisation.IsActive);
    }

    [Fact]
    public void Constructor_EmptyName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Organisation(" ", "x", OrganisationKind.Society, null, Now));
    }

    [Fact]
    public void SetContact_Blank_StoresNull()
    {
        var organisation = new Organisation("哈密市科学技术协会", "哈密市科协", OrganisationKind.Prefecture, null, Now);

        organisation.SetContact(" 0902-2233445 ", "  ");

        Assert.Equal("0902-2233445", organisation.Phone);
        Assert.Null(organisation.Address);
    }

    [Fact]
    public void ToChinese_EveryKind_HasAChineseName()
    {
        foreach (var kind in Enum.GetValues<OrganisationKind>())
        {
            Assert.DoesNotMatch("[A-Za-z]", kind.ToChinese());
        }
    }
}
