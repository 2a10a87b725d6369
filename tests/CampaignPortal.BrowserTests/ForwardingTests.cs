using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class ForwardingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NoticeTravelsDownTheTree_EachLevelSeesWhoReceivedIt()
    {
        // 中国科协 publishes to the provinces.
        var cast = await fixture.NewPageAsync();
        await Pages.SignInAsync(cast, "cast.organiser@demo.local");
        await cast.GotoAsync("/campaigns/create");
        await cast.GetByLabel("活动名称").FillAsync("2026年全国科技工作者日");
        await cast.GetByLabel("开始日期").FillAsync("2026-05-20");
        await cast.GetByLabel("结束日期").FillAsync("2026-06-05");
        await cast.GetByLabel("总结报送截止日期").FillAsync("2026-06-20");
        await cast.GetByRole(AriaRole.Button, new() { Name = "创建活动" }).ClickAsync();
        await cast.GetByRole(AriaRole.Link, new() { Name = "撰写通知" }).ClickAsync();
        await cast.Locator("#Title").FillAsync("关于开展2026年全国科技工作者日活动的通知");
        await cast.GetByLabel("全部省级科协").CheckAsync();
        await cast.Locator("[data-editor-for=Body] .ql-editor").ClickAsync();
        await cast.Keyboard.TypeAsync("请各省级科协组织开展2026年全国科技工作者日活动。");
        await cast.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await cast.GetByRole(AriaRole.Link, new() { Name = "发布…" }).ClickAsync();
        await cast.GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await Assertions.Expect(cast.GetByText("通知已发布。")).ToBeVisibleAsync();
        var nationalUrl = cast.Url;

        // 自治区科协 forwards with an earlier deadline and publishes to the prefectures.
        var xj = await fixture.NewPageAsync();
        await Pages.SignInAsync(xj, "xj.organiser@demo.local");
        await xj.GotoAsync("/organiser");
        await xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "2026年全国科技工作者日" }).GetByRole(AriaRole.Link, new() { Name = "转发给下级单位" }).ClickAsync();
        await xj.GetByLabel("下级单位报送截止日期").FillAsync("2026-06-15");
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-forward");
        await xj.GetByRole(AriaRole.Button, new() { Name = "转发", Exact = true }).ClickAsync();
        await Assertions.Expect(xj.GetByText("已转发")).ToBeVisibleAsync();
        await xj.GetByLabel("全部地州市科协").CheckAsync();
        await xj.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await xj.GetByRole(AriaRole.Link, new() { Name = "发布…" }).ClickAsync();
        await xj.GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await Assertions.Expect(xj.GetByText("通知已发布。")).ToBeVisibleAsync();
        var xjNotice = xj.Url;

        // 克拉玛依 acknowledges; 自治区科协 sees its grid change.
        var klmy = await fixture.NewPageAsync();
        await Pages.SignInAsync(klmy, "klmy.filer@demo.local");
        await klmy.GotoAsync(xjNotice);
        await klmy.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("本单位已于")).ToBeVisibleAsync();
        await klmy.Context.CloseAsync();

        await xj.GotoAsync(xjNotice.Replace("/edit", string.Empty, StringComparison.Ordinal) + "/receipts");
        var karamay = xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "克拉玛依市科学技术协会" });
        await Assertions.Expect(karamay.GetByText("已签收", new() { Exact = true })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(xj, "organiser-receipts-forwarded");
        await xj.Context.CloseAsync();

        // 中国科协 sees the forwarded campaign under its own.
        await cast.GotoAsync("/organiser");
        await cast.GetByRole(AriaRole.Link, new() { Name = "2026年全国科技工作者日" }).ClickAsync();
        await Assertions.Expect(cast.GetByText("下级转发情况（1）")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(cast, "organiser-forwarded-tree");
        await cast.Context.CloseAsync();
        Assert.Contains("/notices/", nationalUrl, StringComparison.Ordinal);
    }
}
