using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Account;

public sealed partial class PasswordResetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ResetByEmail_LinkFromTheConfiguredAddress_NotTheHostHeader_WorksOnce()
    {
        await factory.CreateUserAsync("forgetful@test.local");
        using var visitor = factory.CreatePortalClient();
        var token = await visitor.AntiforgeryTokenAsync("/account/forgot-password");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/forgot-password/email", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "forgetful@test.local", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example"; // a forged Host header

        var response = await visitor.Http.SendAsync(request);
        var unknown = await visitor.PostFormAsync("/account/forgot-password/email", new Dictionary<string, string> { ["email"] = "nobody@test.local" }, "/account/forgot-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode); // the same answer: nothing reveals whether an account exists
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "密码重置").ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Equal("forgetful@test.local", mail.To);
        Assert.DoesNotContain("evil.example", mail.Body, StringComparison.Ordinal);
        var link = LinkPattern().Match(mail.Body);
        Assert.True(link.Success, mail.Body);
        var path = link.Value["http://127.0.0.1:5080".Length..];

        var page = await visitor.GetStringAsync(path);
        Assert.Contains("设置新密码", page, StringComparison.Ordinal);
        var user = WebUtility.HtmlDecode(Regex.Match(page, "name=\"User\" value=\"([^\"]*)\"").Groups[1].Value);
        var resetToken = WebUtility.HtmlDecode(Regex.Match(page, "name=\"Token\" value=\"([^\"]*)\"").Groups[1].Value);
        var fields = new Dictionary<string, string> { ["User"] = user, ["Token"] = resetToken, ["NewPassword"] = "新的口令-2026kx", ["ConfirmPassword"] = "新的口令-2026kx" };

        var reset = await visitor.PostFormAsync("/account/reset-password", fields, path);
        var reused = await visitor.PostFormAsync("/account/reset-password", fields, path);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("链接已过期或已使用过", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var signedIn = await factory.SignedInAsync("forgetful@test.local", "新的口令-2026kx");
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PasswordChanged && e.Detail == "通过邮件链接重置密码")));

        // Asking again at once sends nothing more (at most one mail per address every five minutes).
        await visitor.PostFormAsync("/account/forgot-password/email", new Dictionary<string, string> { ["email"] = "forgetful@test.local" }, "/account/forgot-password");
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "密码重置")));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:5080/account/reset-password\?user=[^\s]+&token=[^\s]+")]
    private static partial Regex LinkPattern();
}
