using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignPortal.IntegrationTests.Shell;

/// <summary>The portal as in production: <c>Security:RequireHttps=true</c>.</summary>
public sealed class HttpsPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireHttps", "true");
        builder.UseSetting("https_port", "443");
    }
}

public sealed class HttpsTests(HttpsPortalFactory factory) : IClassFixture<HttpsPortalFactory>
{
    [Fact]
    public async Task PlainHttp_RedirectsToHttps()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task SignIn_OverHttps_CookiesSecureHttpOnlyLaxAndHsts()
    {
        using var client = new PortalClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://portal.example.org.cn"), // HSTS is never sent to localhost
        }));

        var page = await client.GetAsync("/account/sign-in");
        var response = await client.SignInAsync("hami.filer@demo.local", PortalFactory.DemoPassword);

        Assert.Contains("max-age=31536000", string.Join(";", page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cp.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", authCookie, StringComparison.OrdinalIgnoreCase);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cp.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
