using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Administration;

public sealed class AuditAndHelpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AuditPage_ProvincialAdmin_SeesOwnSubtreeOnly()
    {
        (await factory.SignedInAsync("hami.filer@demo.local")).Dispose();
        (await factory.SignedInAsync("sx.organiser@demo.local")).Dispose();
        using var admin = await factory.SignedInAsync("xj.admin@demo.local");

        var html = await admin.GetStringAsync("/admin/audit?action=SignIn");

        Assert.Contains("hami.filer@demo.local", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sx.organiser@demo.local", html, StringComparison.Ordinal);
        Assert.Contains("登录", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_NationalAdminActionOnXinjiangAccount_VisibleToXinjiangAdmin()
    {
        var user = await factory.CreateUserAsync("audit.subject@test.local");
        using var national = await factory.SignedInAsync("admin@demo.local");
        await national.PostFormAsync($"/admin/users/{user.Id}/disable", new Dictionary<string, string>(), $"/admin/users/{user.Id}");
        using var admin = await factory.SignedInAsync("xj.admin@demo.local");

        var html = await admin.GetStringAsync("/admin/audit?q=audit.subject");

        Assert.Contains("停用账号 audit.subject@test.local", html, StringComparison.Ordinal);
        Assert.Contains("admin@demo.local", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_BadDate_ChineseMessageNot500()
    {
        using var admin = await factory.SignedInAsync("xj.admin@demo.local");

        var response = await admin.GetAsync("/admin/audit?from=not-a-date");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不是有效的值", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_FindUnit_ShowsNearestAdministratorAndPhone()
    {
        using var client = factory.CreatePortalClient();
        var hamiId = await factory.OrganisationIdAsync("哈密市科学技术协会");

        var search = await client.GetStringAsync("/account/forgot-password?q=" + Uri.EscapeDataString("哈密"));
        var help = await client.GetStringAsync($"/account/forgot-password/{hamiId}");

        Assert.Contains($"href=\"/account/forgot-password/{hamiId}\"", search, StringComparison.Ordinal);
        Assert.Contains("阿依古丽·买买提", help, StringComparison.Ordinal);
        Assert.Contains("0991-3836587", help, StringComparison.Ordinal);
        Assert.DoesNotContain("@demo.local", help, StringComparison.Ordinal);
    }
}
