using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Administration;

public sealed class OrganisationAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string XjAdmin = "xj.admin@demo.local";

    public static TheoryData<string> AdminPages => new()
    {
        "/admin", "/admin/organisations", "/admin/organisations/create", "/admin/users", "/admin/users/create",
        "/admin/users/import", "/admin/users/import/template", "/admin/users/export", "/admin/audit",
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPages_OtherRoles_Get403(string page)
    {
        foreach (var account in new[] { "xj.organiser@demo.local", "klmy.filer@demo.local", "xj.reviewer@demo.local", "expert1@demo.local" })
        {
            using var client = await factory.SignedInAsync(account);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).StatusCode);
        }

        using var admin = await factory.SignedInAsync(XjAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task ProvincialAdmin_ShaanxiOrganisation_NotFoundForEveryAction()
    {
        var xianId = await factory.OrganisationIdAsync("西安市科学技术协会");
        var shaanxiId = await factory.OrganisationIdAsync("陕西省科学技术协会");
        using var client = await factory.SignedInAsync(XjAdmin);

        foreach (var path in new[] { "edit", "move", "deactivate", "activate" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/organisations/{xianId}/{path}")).StatusCode);
        }

        var edit = await client.PostFormAsync($"/admin/organisations/{xianId}/edit", Fields("西安市被改名", shaanxiId), "/admin/organisations/create");
        var move = await client.PostFormAsync($"/admin/organisations/{xianId}/move",
            new Dictionary<string, string> { ["NewParentId"] = (await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会")).ToString() }, "/admin/organisations/create");
        var deactivate = await client.PostFormAsync($"/admin/organisations/{xianId}/deactivate", new Dictionary<string, string>(), "/admin/organisations/create");
        var create = await client.PostFormAsync("/admin/organisations/create", Fields("陕西新单位", xianId));

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Contains("请选择您管理范围内", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var xian = await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == xianId));
        Assert.Equal("西安市科学技术协会", xian.Name);
        Assert.True(xian.IsActive);
        Assert.Equal(shaanxiId, xian.ParentId);
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "陕西新单位")));
    }

    [Fact]
    public async Task Move_IntoAnotherProvince_RefusedWithMessage()
    {
        var turpanId = await factory.OrganisationIdAsync("吐鲁番市科学技术协会");
        var xianId = await factory.OrganisationIdAsync("西安市科学技术协会");
        using var client = await factory.SignedInAsync(XjAdmin);

        var response = await client.PostFormAsync($"/admin/organisations/{turpanId}/move",
            new Dictionary<string, string> { ["NewParentId"] = xianId.ToString() }, $"/admin/organisations/{turpanId}/move");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只能移到您管理范围内", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(xianId, await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == turpanId).Select(o => o.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task Move_IntoOwnDescendant_RefusedWithMessage()
    {
        var karamayId = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        var dushanziId = await factory.OrganisationIdAsync("独山子区科学技术协会");
        using var client = await factory.SignedInAsync(XjAdmin);

        var response = await client.PostFormAsync($"/admin/organisations/{karamayId}/move",
            new Dictionary<string, string> { ["NewParentId"] = dushanziId.ToString() }, $"/admin/organisations/{karamayId}/move");

        Assert.Contains("不能把单位移到它自己或它的下级单位之下", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_UnderCurrentParent_ClearMessage()
    {
        var turpanId = await factory.OrganisationIdAsync("吐鲁番市科学技术协会");
        using var client = await factory.SignedInAsync(XjAdmin);

        var response = await client.PostFormAsync($"/admin/organisations/{turpanId}/move",
            new Dictionary<string, string> { ["NewParentId"] = (await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会")).ToString() }, $"/admin/organisations/{turpanId}/move");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该单位已经在所选上级单位之下", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OwnOrganisationNameOrKind_Refused_ContactAllowed()
    {
        var xinjiangId = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        var nationalId = await factory.OrganisationIdAsync("中国科学技术协会");
        using var client = await factory.SignedInAsync(XjAdmin);

        var fields = Fields("新疆维吾尔自治区科学技术协会", nationalId, phone: "0991-1111111");
        fields["Kind"] = nameof(OrganisationKind.National);
        var renamed = await client.PostFormAsync($"/admin/organisations/{xinjiangId}/edit", fields, $"/admin/organisations/{xinjiangId}/edit");
        fields["Kind"] = nameof(OrganisationKind.Provincial);
        var phoneOnly = await client.PostFormAsync($"/admin/organisations/{xinjiangId}/edit", fields, $"/admin/organisations/{xinjiangId}/edit");

        Assert.Contains("由上级单位的管理员修改", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, phoneOnly.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == xinjiangId));
        Assert.Equal(OrganisationKind.Provincial, stored.Kind);
        Assert.Equal("0991-1111111", stored.Phone);
    }

    [Fact]
    public async Task Move_WithChildren_RewritesTheWholeSubtree()
    {
        using var client = await factory.SignedInAsync(XjAdmin);
        var hamiId = await factory.OrganisationIdAsync("哈密市科学技术协会");
        await client.PostFormAsync("/admin/organisations/create", Fields("移动测试市科协", await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会")));
        var movingId = await factory.OrganisationIdAsync("移动测试市科协");
        await client.PostFormAsync("/admin/organisations/create", Fields("移动测试县科协", movingId));

        var response = await client.PostFormAsync($"/admin/organisations/{movingId}/move",
            new Dictionary<string, string> { ["NewParentId"] = hamiId.ToString() }, $"/admin/organisations/{movingId}/move");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await factory.WithDbAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.Id == hamiId || o.Name.StartsWith("移动测试")).ToDictionaryAsync(o => o.Name));
        var hami = rows["哈密市科学技术协会"];
        Assert.Equal(hamiId, rows["移动测试市科协"].ParentId);
        Assert.StartsWith(hami.Path, rows["移动测试市科协"].Path, StringComparison.Ordinal);
        Assert.StartsWith(rows["移动测试市科协"].Path, rows["移动测试县科协"].Path, StringComparison.Ordinal);
        Assert.Equal(hami.Depth + 2, rows["移动测试县科协"].Depth);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.OrganisationMoved && a.EntityId == movingId.ToString())));
    }

    [Fact]
    public async Task Create_DuplicateNameUnderSameParent_ShowsErrorAndKeepsInput()
    {
        using var client = await factory.SignedInAsync(XjAdmin);
        var xinjiangId = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");

        var response = await client.PostFormAsync("/admin/organisations/create", Fields("哈密市科学技术协会", xinjiangId, phone: "0902-1234567"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("下已有名为“哈密市科学技术协会”的单位", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0902-1234567\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingFields_ChineseMessages()
    {
        using var client = await factory.SignedInAsync(XjAdmin);

        var response = await client.PostFormAsync("/admin/organisations/create", new Dictionary<string, string> { ["Name"] = "", ["Kind"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("请填写单位全称。", html, StringComparison.Ordinal);
        Assert.Contains("请选择单位类别。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_DropsOutOfPickers_AndCanBeReactivated()
    {
        using var client = await factory.SignedInAsync(XjAdmin);
        await client.PostFormAsync("/admin/organisations/create", Fields("停用测试科协", await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会")));
        var id = await factory.OrganisationIdAsync("停用测试科协");
        Assert.Contains("停用测试科协</option>", await client.GetStringAsync("/admin/users/create"), StringComparison.Ordinal);

        var confirm = await client.GetStringAsync($"/admin/organisations/{id}/deactivate");
        var deactivated = await client.PostFormAsync($"/admin/organisations/{id}/deactivate", new Dictionary<string, string>(), $"/admin/organisations/{id}/deactivate");
        var again = await client.PostFormAsync($"/admin/organisations/{id}/deactivate", new Dictionary<string, string>(), $"/admin/organisations/{id}/activate");

        Assert.Contains("确定要停用", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain("停用测试科协</option>", await client.GetStringAsync("/admin/users/create"), StringComparison.Ordinal);
        Assert.DoesNotContain("停用测试科协</option>", await client.GetStringAsync("/admin/organisations/create"), StringComparison.Ordinal);
        await client.PostFormAsync($"/admin/organisations/{id}/activate", new Dictionary<string, string>(), $"/admin/organisations/{id}/activate");
        Assert.True(await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Search_FindsByShortName_AndShowsTheParent()
    {
        using var client = await factory.SignedInAsync(XjAdmin);

        var html = await client.GetStringAsync("/admin/organisations?q=" + Uri.EscapeDataString("克拉玛依市科协"));

        Assert.Contains("修改克拉玛依市科学技术协会", html, StringComparison.Ordinal);
        Assert.Contains("上级：新疆维吾尔自治区科学技术协会", html, StringComparison.Ordinal);
        Assert.DoesNotContain("修改克拉玛依区科学技术协会", html, StringComparison.Ordinal);
        Assert.DoesNotContain("修改哈密市科学技术协会", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string name, int parentId, string phone = "") => new()
    {
        ["ParentId"] = parentId.ToString(),
        ["Name"] = name,
        ["ShortName"] = string.Empty,
        ["Kind"] = nameof(OrganisationKind.Prefecture),
        ["Phone"] = phone,
        ["Address"] = string.Empty,
    };
}
