using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class NoticeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Organiser_PublishesNoticeWithAttachment_VisitorFindsAndOpensIt()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, "klmy.organiser@demo.local");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "活动管理" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建活动" }).ClickAsync();
        await page.GetByLabel("活动名称").FillAsync("2026年克拉玛依市科技活动周");
        await page.GetByLabel("活动主题").FillAsync("科技创新 强国有我");
        await page.GetByLabel("开始日期").FillAsync("2026-05-16");
        await page.GetByLabel("结束日期").FillAsync("2026-05-31");
        await page.GetByLabel("总结报送截止日期").FillAsync("2026-06-12");
        await page.GetByLabel("活动板块（每行一个）").FillAsync("科普进校园\n科技志愿服务\n走访慰问");
        await Pages.ScreenshotAsync(page, "organiser-campaign-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建活动" }).ClickAsync();
        await Assertions.Expect(page.GetByText("活动已创建")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "撰写通知" }).ClickAsync();
        await page.Locator("#Title").FillAsync("关于举办2026年克拉玛依市科技活动周的通知");
        await page.GetByLabel("主送（按原文）").FillAsync("各区科协，各有关单位");
        await page.GetByLabel("全部县区科协").CheckAsync();
        var editor = page.Locator("[data-editor-for=Body] .ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("为深入实施全民科学素质行动，市科协决定举办2026年克拉玛依市科技活动周。");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("一、活动时间");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("2026年5月16日至31日。");
        await page.GetByLabel("联系人", new() { Exact = true }).FillAsync("刘强");
        await page.GetByLabel("联系电话").FillAsync("0990-6230000");
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "organiser-notice-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByText("通知已保存为草稿")).ToBeVisibleAsync();

        var pdf = Path.Combine(Path.GetTempPath(), $"活动安排-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n% 活动安排\n");
        await page.GetByLabel("上传附件").SetInputFilesAsync(pdf);
        await page.GetByLabel("附件名称（可选）").FillAsync("2026年科技活动周活动安排");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "2026年科技活动周活动安排" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "按统计指标生成“开展情况统计表”并作为附件" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "2026年克拉玛依市科技活动周开展情况统计表" })).ToBeVisibleAsync();
        File.Delete(pdf);

        await page.GetByRole(AriaRole.Link, new() { Name = "发布…" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 个主送单位将成为本活动的填报单位")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await Assertions.Expect(page.GetByText("通知已发布。")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "通知公告", Exact = true }).First.ClickAsync();
        await visitor.GetByLabel("标题、文号或发文单位").FillAsync("克拉玛依");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Pages.ScreenshotAsync(visitor, "public-notices-search");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "关于举办2026年克拉玛依市科技活动周的通知" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "关于举办2026年克拉玛依市科技活动周的通知" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("各区科协，各有关单位：")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "2026年科技活动周活动安排" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(visitor);
        await Pages.ScreenshotAsync(visitor, "public-notice-new");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task Editor_PasteFromWord_KeepsParagraphsBoldListsTables_DropsWordStyles()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, "sx.organiser@demo.local");
        await page.GotoAsync("/organiser");
        await page.GetByRole(AriaRole.Link, new() { Name = "2020年陕西省“全国科技工作者日”活动" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "撰写通知" }).ClickAsync();
        await page.Locator("#Title").FillAsync("粘贴测试通知");
        var word = "<p class=MsoNormal style='mso-line-height-alt:12pt'><b>一、指导思想</b></p>"
            + "<p class=MsoNormal>以习近平新时代中国特色社会主义思想为指导。<o:p></o:p></p>"
            + "<ol><li>团结引领</li><li>建家办事</li></ol>"
            + "<table class=MsoTableGrid><tr><td>展板</td><td>150余幅</td></tr></table>";
        await page.Locator("[data-editor-for=Body] .ql-editor").ClickAsync();
        await page.EvaluateAsync(@"html => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', '一、指导思想');
            document.querySelector('[data-editor-for=Body] .ql-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", word);
        await Pages.ScreenshotAsync(page, "organiser-notice-paste");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByText("通知已保存为草稿")).ToBeVisibleAsync();

        var body = await fixture.Portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Notices.Where(n => n.Title == "粘贴测试通知").Select(n => n.BodyHtml)));
        Assert.Contains("<strong>一、指导思想</strong>", body, StringComparison.Ordinal);
        Assert.Contains("以习近平新时代中国特色社会主义思想为指导。", body, StringComparison.Ordinal);
        Assert.Contains("<li>团结引领</li>", body, StringComparison.Ordinal);
        Assert.Contains("<td>150余幅</td>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("mso", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", body, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SeedNotices_ReadLikeTheDocuments_OnDesktopPhoneAndPaper()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/notices");
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "public-notices");
        await page.GetByRole(AriaRole.Link, new() { Name = "关于举办2023年自治区科技活动周的通知" }).ClickAsync();
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "public-notice-xinjiang");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
        await Pages.ScreenshotAsync(page, "public-notice-xinjiang-print");
        await page.Context.CloseAsync();

        var phone = await fixture.NewPageAsync(width: 375, height: 740);
        await phone.GotoAsync("/notices");
        await phone.GetByRole(AriaRole.Link, new() { Name = "关于印发《2020 年陕西省“全国科技工作者日”活动工作方案》的通知" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "2020 年陕西省“全国科技工作者日”活动工作方案", Exact = true, Level = 2 })).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The notice page scrolls sideways on a phone.");
        await Pages.ScreenshotAsync(phone, "phone-notice-shaanxi");
        await phone.Context.CloseAsync();
    }
}
