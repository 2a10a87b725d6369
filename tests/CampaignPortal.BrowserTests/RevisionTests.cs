using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class RevisionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OrganiserRevisesPublishedNotice_AddresseeIsNotified_PublicSeesRevisionList()
    {
        var xj = await fixture.NewPageAsync();
        await Pages.SignInAsync(xj, "xj.organiser@demo.local");
        await xj.GotoAsync("/notices");
        await xj.GetByRole(AriaRole.Link, new() { Name = "关于举办2023年自治区科技活动周的通知" }).ClickAsync();
        var noticeUrl = xj.Url;
        await xj.GetByRole(AriaRole.Link, new() { Name = "修订通知" }).ClickAsync();
        await Pages.AssertAccessibleAsync(xj);
        await xj.GetByRole(AriaRole.Button, new() { Name = "发布修订" }).ClickAsync();
        await Assertions.Expect(xj.GetByText("请填写修订说明，说明改了什么、为什么改。").First).ToBeVisibleAsync();
        await xj.GetByLabel("修订说明").FillAsync("报送方式增加电子邮箱");
        await xj.GetByLabel("报送方式").FillAsync("电子邮件：kjhdz@xjast.test");
        await Pages.ScreenshotAsync(xj, "organiser-revise-notice");
        await xj.GetByRole(AriaRole.Button, new() { Name = "发布修订" }).ClickAsync();
        await Assertions.Expect(xj.GetByText("通知已修订，收文单位将收到修订提醒。")).ToBeVisibleAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Heading, new() { Name = "修订记录" })).ToBeVisibleAsync();
        await xj.Context.CloseAsync();

        var hami = await fixture.NewPageAsync();
        await Pages.SignInAsync(hami, "hami.filer@demo.local");
        var bell = hami.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^消息 ?\\d+ 条未读$") });
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await bell.ClickAsync();
        var item = hami.GetByRole(AriaRole.Button).Filter(new() { HasText = "报送方式增加电子邮箱" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(hami);
        await Pages.ScreenshotAsync(hami, "filer-notifications");
        await item.ClickAsync();
        Assert.Equal(noticeUrl, hami.Url);
        await Assertions.Expect(hami.GetByText("本通知已修订 1 次")).ToBeVisibleAsync();
        await hami.Context.CloseAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(noticeUrl);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "查看修订记录" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Cell, new() { Name = "报送方式增加电子邮箱" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(visitor);
        await Pages.ScreenshotAsync(visitor, "public-notice-revisions");
        await visitor.GetByRole(AriaRole.Row).Filter(new() { HasText = "首次发布" }).GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("历史版本")).ToBeVisibleAsync();
        await visitor.Context.CloseAsync();
    }
}
