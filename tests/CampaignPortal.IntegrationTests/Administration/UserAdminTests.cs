using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CampaignPortal.IntegrationTests.Administration;

public sealed partial class UserAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string XjAdmin = "xj.admin@demo.local";

    [Fact]
    public async Task Create_ShowsOneTimePasswordOnce_AndFirstSignInForcesChange()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var hamiId = await factory.OrganisationIdAsync("哈密市科学技术协会");

        var response = await admin.PostFormAsync("/admin/users/create", UserFields("new.hami@test.local", "新账号", hamiId, "Filer", "Reviewer"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只显示这一次", html, StringComparison.Ordinal);
        var password = OneTimePassword(html);
        using var user = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await user.SignInAsync("new.hami@test.local", password)).StatusCode);
        Assert.Equal("/account/change-password", (await user.GetAsync("/filer")).Headers.Location?.OriginalString);
        var stored = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "new.hami@test.local"));
        Assert.True(stored.MustChangePassword);
        Assert.Equal(hamiId, stored.OrganisationId);
        Assert.DoesNotContain(password, stored.PasswordHash!, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.UserCreated && a.EntityId == stored.Id)));
    }

    [Fact]
    public async Task Create_DuplicateEmail_ClearMessageNothingStored()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.PostFormAsync("/admin/users/create",
            UserFields("HAMI.filer@demo.local", "重复", await factory.OrganisationIdAsync("哈密市科学技术协会"), "Filer"));

        Assert.Contains("已有账号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task ProvincialAdmin_CannotGrantAdminAboveItsSubtree_NorTouchShaanxiAccounts()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var nationalId = await factory.OrganisationIdAsync("中国科学技术协会");
        var shaanxiId = await factory.OrganisationIdAsync("陕西省科学技术协会");
        var sxOrganiser = await factory.UserIdAsync("sx.organiser@demo.local");

        var aboveScope = await admin.PostFormAsync("/admin/users/create", UserFields("root.admin@test.local", "越权", nationalId, "Admin"));
        var inShaanxi = await admin.PostFormAsync("/admin/users/create", UserFields("sx.admin@test.local", "越权", shaanxiId, "Admin"));
        var list = await admin.GetStringAsync("/admin/users?q=sx.organiser");

        Assert.Contains("请选择您管理范围内", await aboveScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("请选择您管理范围内", await inShaanxi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "root.admin@test.local" || u.Email == "sx.admin@test.local")));
        Assert.Contains("没有符合条件的账号", list, StringComparison.Ordinal);
        foreach (var path in new[] { "", "/edit", "/confirm/disable", "/confirm/reset-password" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/users/{sxOrganiser}{path}")).StatusCode);
        }

        foreach (var action in new[] { "disable", "enable", "unlock", "reset-password" })
        {
            var response = await admin.PostFormAsync($"/admin/users/{sxOrganiser}/{action}", new Dictionary<string, string>(), "/admin/users/create");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var edit = await admin.PostFormAsync($"/admin/users/{sxOrganiser}/edit",
            UserFields("sx.organiser@demo.local", "改名", await factory.OrganisationIdAsync("哈密市科学技术协会"), "Admin"), "/admin/users/create");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var untouched = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == sxOrganiser));
        Assert.Equal("李磊", untouched.DisplayName);
        Assert.False(untouched.IsDisabled);
    }

    [Fact]
    public async Task Edit_RolesAndOrganisation_SavedAndAudited()
    {
        var user = await factory.CreateUserAsync("edit.me@test.local");
        using var admin = await factory.SignedInAsync(XjAdmin);
        var karamayId = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");

        var response = await admin.PostFormAsync($"/admin/users/{user.Id}/edit", UserFields("ignored@test.local", "改过的名字", karamayId, "Organiser", "Reviewer"), $"/admin/users/{user.Id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal("改过的名字", stored.DisplayName);
        Assert.Equal("edit.me@test.local", stored.Email);
        Assert.Equal(karamayId, stored.OrganisationId);
        var roles = await factory.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());
        Assert.Equal(["Organiser", "Reviewer"], roles.Order());
    }

    [Fact]
    public async Task Edit_OwnAdminRoleRemoved_Refused()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var self = await factory.UserIdAsync(XjAdmin);

        var response = await admin.PostFormAsync($"/admin/users/{self}/edit",
            UserFields(XjAdmin, "阿依古丽·买买提", await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会"), "Filer"), $"/admin/users/{self}/edit");

        Assert.Contains("不能取消自己的系统管理员角色", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_OpenSessionRefusedOnNextRequest_AndSignInRefused()
    {
        var user = await factory.CreateUserAsync("to.disable@test.local");
        using var session = await factory.SignedInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/filer")).StatusCode);
        using var admin = await factory.SignedInAsync(XjAdmin);

        var disabled = await admin.PostFormAsync($"/admin/users/{user.Id}/disable", new Dictionary<string, string>(), $"/admin/users/{user.Id}/confirm/disable");
        var next = await session.GetAsync("/filer");
        using var again = factory.CreatePortalClient();
        var signIn = await again.SignInAsync(user.Email!, PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", next.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("该账号已停用", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.PostFormAsync($"/admin/users/{user.Id}/enable", new Dictionary<string, string>(), $"/admin/users/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreatePortalClient().SignInAsync(user.Email!, PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Disable_Self_Refused409()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var self = await factory.UserIdAsync(XjAdmin);

        var response = await admin.PostFormAsync($"/admin/users/{self}/disable", new Dictionary<string, string>(), $"/admin/users/{self}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("不能停用自己的账号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_LockedAccount_CanSignInAgain()
    {
        var user = await factory.CreateUserAsync("to.unlock@test.local");
        using (var attacker = factory.CreatePortalClient())
        {
            for (var i = 0; i < 5; i++)
            {
                await attacker.SignInAsync(user.Email!, "wrong-password-1");
            }
        }

        using var admin = await factory.SignedInAsync(XjAdmin);
        Assert.Contains("to.unlock@test.local", await admin.GetStringAsync("/admin/users?locked=true"), StringComparison.Ordinal);

        var unlocked = await admin.PostFormAsync($"/admin/users/{user.Id}/unlock", new Dictionary<string, string>(), $"/admin/users/{user.Id}");
        using var client = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, PortalFactory.DemoPassword)).StatusCode);
        Assert.DoesNotContain("to.unlock@test.local", await admin.GetStringAsync("/admin/users?locked=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_OldPasswordFails_OneTimePasswordWorks()
    {
        var user = await factory.CreateUserAsync("to.reset@test.local");
        using var admin = await factory.SignedInAsync(XjAdmin);

        var response = await admin.PostFormAsync($"/admin/users/{user.Id}/reset-password", new Dictionary<string, string>(), $"/admin/users/{user.Id}/confirm/reset-password");
        var password = OneTimePassword(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await factory.CreatePortalClient().SignInAsync(user.Email!, PortalFactory.DemoPassword)).StatusCode);
        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, password)).StatusCode);
        Assert.Equal("/account/change-password", (await client.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task List_Filters_ByRoleAndOrganisation_AndPages()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var karamayId = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");

        var karamay = await admin.GetStringAsync($"/admin/users?organisationId={karamayId}");
        var reviewers = await admin.GetStringAsync("/admin/users?role=Reviewer");

        Assert.Contains("klmy.filer@demo.local", karamay, StringComparison.Ordinal);
        Assert.Contains("klmy.organiser@demo.local", karamay, StringComparison.Ordinal);
        Assert.DoesNotContain("hami.filer@demo.local", karamay, StringComparison.Ordinal);
        Assert.Contains("xj.reviewer@demo.local", reviewers, StringComparison.Ordinal);
        Assert.DoesNotContain("klmy.filer@demo.local", reviewers, StringComparison.Ordinal);
        Assert.DoesNotContain("cast.reviewer@demo.local", reviewers, StringComparison.Ordinal);

        for (var i = 0; i < 25; i++)
        {
            await factory.CreateUserAsync($"page{i:00}@paging.test", organisation: "塔城地区科学技术协会");
        }

        var tacheng = await factory.OrganisationIdAsync("塔城地区科学技术协会");
        var page1 = await admin.GetStringAsync($"/admin/users?organisationId={tacheng}");
        var page2 = await admin.GetStringAsync($"/admin/users?organisationId={tacheng}&page=2");
        Assert.Contains("共 25 个账号", page1, StringComparison.Ordinal);
        Assert.Equal(20, EmailCell().Count(page1));
        Assert.Equal(5, EmailCell().Count(page2));
    }

    [Fact]
    public async Task Export_ListedAccountsOnly_NoPasswords()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);

        var response = await admin.GetAsync("/admin/users/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var emails = rows.Select(r => r["电子邮箱"]?.ToString()).ToList();
        Assert.Contains("hami.filer@demo.local", emails);
        Assert.DoesNotContain("sx.organiser@demo.local", emails);
        Assert.DoesNotContain("admin@demo.local", emails);
        Assert.DoesNotContain(rows.First().Keys, k => k.Contains("密码", StringComparison.Ordinal) && !k.Contains("修改", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeerAdministrator_SameOrganisation_CannotResetOrDisable()
    {
        var peer = await factory.CreateUserAsync("peer.admin@test.local", organisation: "新疆维吾尔自治区科学技术协会", roles: ["Admin"]);
        using var admin = await factory.SignedInAsync(XjAdmin);

        var reset = await admin.PostFormAsync($"/admin/users/{peer.Id}/reset-password", new Dictionary<string, string>(), $"/admin/users/{peer.Id}");
        var disable = await admin.PostFormAsync($"/admin/users/{peer.Id}/disable", new Dictionary<string, string>(), $"/admin/users/{peer.Id}");

        Assert.Equal(HttpStatusCode.Conflict, reset.StatusCode);
        Assert.Contains("请由上级单位的管理员", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        using var national = await factory.SignedInAsync("admin@demo.local");
        var byNational = await national.PostFormAsync($"/admin/users/{peer.Id}/disable", new Dictionary<string, string>(), $"/admin/users/{peer.Id}");
        Assert.Equal(HttpStatusCode.Redirect, byNational.StatusCode);
    }

    [Fact]
    public async Task ListAndExport_FilteredByAnotherProvince_ShowNothing()
    {
        using var admin = await factory.SignedInAsync(XjAdmin);
        var shaanxiId = await factory.OrganisationIdAsync("陕西省科学技术协会");

        var list = await admin.GetStringAsync($"/admin/users?organisationId={shaanxiId}");
        var export = await (await admin.GetAsync($"/admin/users/export?organisationId={shaanxiId}")).Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(export);

        Assert.Contains("没有符合条件的账号", list, StringComparison.Ordinal);
        Assert.Empty(stream.Query(useHeaderRow: true).ToList());
    }

    internal static string OneTimePassword(string html)
    {
        var match = Regex.Match(html, "<code class=\"fs-5 one-time-password\">([^<]+)</code>");
        Assert.True(match.Success, "No one-time password on the page");
        return match.Groups[1].Value;
    }

    internal static Dictionary<string, string> UserFields(string email, string name, int organisationId, params string[] roles)
    {
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = name,
            ["Phone"] = "13800000000",
            ["OrganisationId"] = organisationId.ToString(),
        };
        for (var i = 0; i < roles.Length; i++)
        {
            fields[$"Roles[{i}]"] = roles[i];
        }

        return fields;
    }

    [GeneratedRegex("@paging\\.test</td>")]
    private static partial Regex EmailCell();
}
