using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Account;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SignIn_WithAntiforgeryToken_RedirectsHomeAndShowsDashboard()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync("klmy.filer@demo.local", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("您好，陈静", home, StringComparison.Ordinal);
        Assert.Contains("克拉玛依市科学技术协会", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmailInOtherCase_Succeeds()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync("  HAMI.Filer@demo.local ", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Returns400()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormWithoutTokenAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = "klmy.filer@demo.local",
            ["Password"] = PortalFactory.DemoPassword,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsChineseErrorAndKeepsEmail()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync("hami.filer@demo.local", "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("电子邮箱或密码不正确", html, StringComparison.Ordinal);
        Assert.Contains("value=\"hami.filer@demo.local\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyFields_ShowsValidationMessages()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync(string.Empty, string.Empty);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请输入电子邮箱。", html, StringComparison.Ordinal);
        Assert.Contains("请输入密码。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksAccountForFifteenMinutes()
    {
        var user = await factory.CreateUserAsync("lockout@test.local");
        using var client = factory.CreatePortalClient();

        for (var i = 0; i < 4; i++)
        {
            var failed = await client.SignInAsync(user.Email!, "wrong-password-1");
            Assert.Contains("电子邮箱或密码不正确", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await client.SignInAsync(user.Email!, "wrong-password-1");
        var correct = await client.SignInAsync(user.Email!, PortalFactory.DemoPassword);

        Assert.Contains("账号已被锁定 15 分钟", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Contains("账号已被锁定", await correct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorUserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(4, actions.Count(a => a == AuditAction.SignInFailed));
        Assert.Equal(2, actions.Count(a => a == AuditAction.LockedOut));
        Assert.DoesNotContain(AuditAction.SignIn, actions);
    }

    [Fact]
    public async Task SignIn_SuccessAndFailure_WriteAuditRows()
    {
        var user = await factory.CreateUserAsync("audited@test.local");
        using var client = factory.CreatePortalClient();

        await client.SignInAsync("nobody@test.local", "whatever-1");
        await client.SignInAsync(user.Email!, "wrong-password-1");
        await client.SignInAsync(user.Email!, PortalFactory.DemoPassword);
        await client.PostFormAsync("/account/sign-out", new Dictionary<string, string>(), formPage: "/");

        var rows = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.ActorName == "nobody@test.local" || a.ActorUserId == user.Id)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.ActorName, a.OrganisationId, a.RequestId, a.OccurredAt })
            .ToListAsync());
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignIn, AuditAction.SignOut], rows.Select(r => r.Action));
        Assert.Null(rows[0].OrganisationId);
        Assert.All(rows.Skip(1), r => Assert.Equal(user.OrganisationId, r.OrganisationId));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.RequestId)));
        Assert.All(rows, r => Assert.InRange(r.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task SignOut_EndsSession()
    {
        using var client = await factory.SignedInAsync("hami.filer@demo.local");

        var response = await client.PostFormAsync("/account/sign-out", new Dictionary<string, string>(), formPage: "/");
        var after = await client.GetAsync("/filer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_IsIgnored()
    {
        using var client = factory.CreatePortalClient();
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");

        var response = await client.PostFormWithoutTokenAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = "hami.filer@demo.local",
            ["Password"] = PortalFactory.DemoPassword,
            ["ReturnUrl"] = "https://evil.example/",
            ["__RequestVerificationToken"] = token,
        });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
