using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Account;

public sealed class ChangePasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "my-own-pass-2026";

    [Fact]
    public async Task OneTimePassword_EveryPageRedirectsToChangePassword_UntilChanged()
    {
        var user = await factory.CreateUserAsync("first@test.local", mustChangePassword: true);
        using var client = await factory.SignedInAsync(user.Email!);

        foreach (var path in new[] { "/", "/filer", "/admin" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/change-password", response.Headers.Location?.OriginalString);
        }

        var page = await client.GetStringAsync("/account/change-password");
        Assert.Contains("请先设置自己的新密码", page, StringComparison.Ordinal);

        var changed = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.DemoPassword,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/filer")).StatusCode);
        var stored = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.False(stored.MustChangePassword);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ActorUserId == user.Id && a.Action == AuditAction.PasswordChanged)));
        using var again = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(user.Email!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsErrorAndChangesNothing()
    {
        var user = await factory.CreateUserAsync("wrongcurrent@test.local");
        using var client = await factory.SignedInAsync(user.Email!);

        var response = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not-my-password-1",
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("当前密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(user.Email!, PortalFactory.DemoPassword)).StatusCode);
    }

    [Theory]
    [InlineData("short1", "short1", "新密码至少 8 位")]
    [InlineData("qwertyuiop", "qwertyuiop", "这个密码太常见")]
    [InlineData("Password123", "Password123", "这个密码太常见")]
    [InlineData("我是测试用户的新密码", "我是测试用户的新密码", "不能包含您的姓名")]
    [InlineData("{email}-pass", "{email}-pass", "不能包含您的姓名")]
    [InlineData("my-own-pass-2026", "different-2026", "两次输入的新密码不一致")]
    public async Task ChangePassword_BadNewPassword_ShowsChineseMessage(string newPassword, string confirm, string expected)
    {
        var user = await factory.CreateUserAsync($"bad{Guid.NewGuid():N}@test.local");
        using var client = await factory.SignedInAsync(user.Email!);
        newPassword = newPassword.Replace("{email}", user.Email![..user.Email!.IndexOf('@', StringComparison.Ordinal)], StringComparison.Ordinal);
        confirm = confirm.Replace("{email}", user.Email![..user.Email!.IndexOf('@', StringComparison.Ordinal)], StringComparison.Ordinal);

        var response = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.DemoPassword,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = confirm,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(user.Email!, PortalFactory.DemoPassword)).StatusCode);
    }

    [Theory]
    [InlineData("一句很长但好记的话2026年")]
    [InlineData("correct horse battery staple")]
    [InlineData("abcdefghij")]
    public async Task ChangePassword_NoCompositionRules_LongPassphraseAccepted(string passphrase)
    {
        var user = await factory.CreateUserAsync($"phrase{Guid.NewGuid():N}@test.local");
        using var client = await factory.SignedInAsync(user.Email!);

        var response = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.DemoPassword,
            ["NewPassword"] = passphrase,
            ["ConfirmPassword"] = passphrase,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
