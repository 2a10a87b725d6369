using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;

namespace CampaignPortal.IntegrationTests.Shell;

public sealed class ShellTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task PublicHome_Anonymous_ShowsChineseAsTextWithSecurityHeaders()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("通知公告", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"renderer\" content=\"webkit\">", html, StringComparison.Ordinal);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"), "An anonymous public page must not set cookies.");
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var client = await factory.SignedInAsync("xj.organiser@demo.local");

        foreach (var page in new[] { "/", "/organiser", "/filer", "/account/change-password" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownAddress_Anonymous_Gets404PageInChineseWithRequestId()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("请求编号", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageLink_English_SwitchesShellAndBack()
    {
        using var client = factory.CreatePortalClient();

        var toEnglish = await client.GetAsync("/culture/en-US?returnUrl=%2Faccount%2Fsign-in");
        var english = await client.GetStringAsync("/account/sign-in");
        await client.GetAsync("/culture/zh-CN");
        var chinese = await client.GetStringAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal("/account/sign-in", toEnglish.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Staff sign-in", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("工作人员登录", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageLink_ReturnUrlElsewhere_GoesHome()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync("/culture/en-US?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Health_DatabaseUp_Returns200()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
