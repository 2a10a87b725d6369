using CampaignPortal.IntegrationTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] AllMenus = ["单位与账号", "活动管理", "活动填报", "报告审核"];

    public static TheoryData<string, string, string[]> Accounts => new()
    {
        { "admin@demo.local", "王建国", ["单位与账号"] },
        { "cast.organiser@demo.local", "李明", ["活动管理"] },
        { "cast.reviewer@demo.local", "赵丽", ["报告审核"] },
        { "xj.admin@demo.local", "阿依古丽·买买提", ["单位与账号"] },
        { "xj.organiser@demo.local", "杨倩", ["活动管理", "活动填报"] },
        { "xj.reviewer@demo.local", "杨青", ["报告审核"] },
        { "klmy.organiser@demo.local", "刘强", ["活动管理"] },
        { "klmy.filer@demo.local", "陈静", ["活动填报"] },
        { "hami.filer@demo.local", "马晓燕", ["活动填报"] },
        { "sx.organiser@demo.local", "李磊", ["活动管理"] },
        { "expert1@demo.local", "周文", [] },
        { "expert2@demo.local", "孙海", [] },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task DemoAccount_SignsIn_SeesOwnMenuAndHomePage(string email, string name, string[] menus)
    {
        var page = await fixture.NewPageAsync();

        await SignInAsync(page, email);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"您好，{name}" })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });
        foreach (var menu in AllMenus)
        {
            var link = nav.GetByRole(AriaRole.Link, new() { Name = menu, Exact = true });
            if (menus.Contains(menu))
            {
                await Assertions.Expect(link).ToBeVisibleAsync();
            }
            else
            {
                await Assertions.Expect(link).ToHaveCountAsync(0);
            }
        }

        await Screenshot(page, $"home-{email.Split('@')[0]}");
        foreach (var menu in menus)
        {
            await nav.GetByRole(AriaRole.Link, new() { Name = menu, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = menu, Level = 1 })).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
            await Screenshot(page, $"{menu}-{email.Split('@')[0]}");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicPages_Anonymous_AreAccessibleAndInChinese()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "通知公告" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await Screenshot(page, "public-home");

        await page.GotoAsync("/account/sign-in");
        await AssertAccessibleAsync(page);
        await Screenshot(page, "sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByText("请输入电子邮箱。").First).ToBeVisibleAsync();
        await Screenshot(page, "sign-in-errors");

        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "页面不存在" })).ToBeVisibleAsync();
        await Screenshot(page, "error-404");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongRole_SeesFriendly403()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "hami.filer@demo.local");

        var response = await page.GotoAsync("/admin");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "没有权限" })).ToBeVisibleAsync();
        await Screenshot(page, "error-403");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_OverRealConnection_AuditRowHasClientAddress()
    {
        var page = await fixture.NewPageAsync();

        await SignInAsync(page, "sx.organiser@demo.local");

        var address = await fixture.Portal.WithDbAsync(db => db.AuditEntries
            .Where(a => a.ActorName == "sx.organiser@demo.local" && a.Action == CampaignPortal.Web.Domain.AuditAction.SignIn)
            .Select(a => a.IpAddress).FirstAsync());
        Assert.Equal("127.0.0.1", address);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Phone_PublicHomeAndSignIn_FitTheScreen()
    {
        var page = await fixture.NewPageAsync(width: 375, height: 740);

        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

        Assert.False(overflow, "The public home page scrolls sideways on a phone.");
        await Screenshot(page, "phone-public-home");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FontSwitch_Large_EnlargesText()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var before = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize");

        await page.GetByRole(AriaRole.Button, new() { Name = "大", Exact = true }).ClickAsync();
        var after = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize");

        Assert.Equal("16px", before);
        Assert.Equal("19px", after);
        await page.Context.CloseAsync();
    }

    private static Task SignInAsync(IPage page, string email) => Pages.SignInAsync(page, email);

    private static Task AssertAccessibleAsync(IPage page) => Pages.AssertAccessibleAsync(page);

    private static Task Screenshot(IPage page, string name) => Pages.ScreenshotAsync(page, name);
}
