using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Shell;

public sealed class AuthorizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, HttpStatusCode> RolePages => new()
    {
        // page, account, expected
        { "/admin", "xj.admin@demo.local", HttpStatusCode.OK },
        { "/admin", "xj.organiser@demo.local", HttpStatusCode.Forbidden },
        { "/admin", "klmy.filer@demo.local", HttpStatusCode.Forbidden },
        { "/admin", "xj.reviewer@demo.local", HttpStatusCode.Forbidden },
        { "/organiser", "klmy.organiser@demo.local", HttpStatusCode.OK },
        { "/organiser", "xj.admin@demo.local", HttpStatusCode.Forbidden },
        { "/organiser", "klmy.filer@demo.local", HttpStatusCode.Forbidden },
        { "/organiser", "cast.reviewer@demo.local", HttpStatusCode.Forbidden },
        { "/filer", "hami.filer@demo.local", HttpStatusCode.OK },
        { "/filer", "xj.organiser@demo.local", HttpStatusCode.OK },
        { "/filer", "admin@demo.local", HttpStatusCode.Forbidden },
        { "/filer", "sx.organiser@demo.local", HttpStatusCode.Forbidden },
        { "/filer", "xj.reviewer@demo.local", HttpStatusCode.Forbidden },
        { "/reviewer", "xj.reviewer@demo.local", HttpStatusCode.OK },
        { "/reviewer", "xj.admin@demo.local", HttpStatusCode.Forbidden },
        { "/reviewer", "cast.organiser@demo.local", HttpStatusCode.Forbidden },
        { "/reviewer", "hami.filer@demo.local", HttpStatusCode.Forbidden },
        { "/reviewer", "expert1@demo.local", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task RolePage_OtherRoles_Get403WithFriendlyPage(string page, string account, HttpStatusCode expected)
    {
        using var client = await factory.SignedInAsync(account);

        var response = await client.GetAsync(page);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("没有权限", html, StringComparison.Ordinal);
            Assert.Contains("请求编号", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/organiser")]
    [InlineData("/filer")]
    [InlineData("/reviewer")]
    [InlineData("/account/change-password")]
    public async Task ProtectedPage_Anonymous_RedirectsToSignIn(string page)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"http://localhost/account/sign-in?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ProtectedPage_AnonymousScriptRequest_Gets401NotARedirect()
    {
        using var client = factory.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/filer");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RoleMenu_ShowsOnlyTheUsersAreas()
    {
        using var client = await factory.SignedInAsync("xj.organiser@demo.local");

        var html = await client.GetStringAsync("/");

        Assert.Contains("href=\"/organiser\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/filer\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/reviewer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_ProvincialAdmin_SeesOwnSubtreeOnly()
    {
        using var client = await factory.SignedInAsync("xj.admin@demo.local");

        var html = await client.GetStringAsync("/admin/organisations");

        Assert.Contains("新疆维吾尔自治区科学技术协会", html, StringComparison.Ordinal);
        Assert.Contains("独山子区科学技术协会", html, StringComparison.Ordinal);
        Assert.DoesNotContain("陕西", html, StringComparison.Ordinal);
        Assert.DoesNotContain("内蒙古", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"修改中国科学技术协会\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_NationalAdmin_SeesEveryProvince()
    {
        using var client = await factory.SignedInAsync("admin@demo.local");

        var html = await client.GetStringAsync("/admin/organisations");

        Assert.Contains("aria-label=\"修改中国科学技术协会\"", html, StringComparison.Ordinal);
        Assert.Contains("陕西省科学技术协会", html, StringComparison.Ordinal);
        Assert.Contains("土默特左旗科学技术协会", html, StringComparison.Ordinal);
        Assert.Contains("独山子区科学技术协会", html, StringComparison.Ordinal);
    }
}
