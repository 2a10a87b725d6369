using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.IntegrationTests.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

/// <summary>
/// 公示: the organiser publishes it, an anonymous visitor objects, the organiser handles the objection; the period is
/// then ended by moving its end into the past in the database (the browser portal runs on the real clock), and the
/// organiser finalises and publishes the result with a photo.
/// </summary>
public sealed class AnnouncementTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OrganiserPublishesGongshi_VisitorObjects_OrganiserHandlesFinalisesAndPublishes()
    {
        var portal = fixture.Portal;
        var today = ChinaTime.Today(TimeProvider.System);
        var title = "2026年“最美科技工作者”（公示测试）";
        var p = await AnnouncementSteps.ProposedSelectionAsync(portal, today, title);

        // The organiser publishes the 公示 from the selection's page.
        var organiser = await fixture.NewPageAsync();
        organiser.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Pages.SignInAsync(organiser, "xj.organiser@demo.local");
        await organiser.GotoAsync($"/selections/{p.SelectionId}");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "评选公示与结果公布" }).ClickAsync();
        await organiser.GetByLabel("联系人").FillAsync("王老师");
        await organiser.GetByLabel("联系电话").FillAsync("0991-2345678");
        await Pages.ScreenshotAsync(organiser, "selection-gongshi-form");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "发布公示" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("公示已发布")).ToBeVisibleAsync();
        await Assertions.Expect(organiser.GetByText("公示中")).ToBeVisibleAsync();

        // An anonymous visitor finds it on the front page and objects to one candidate.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"关于{title}拟表彰人选的公示" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = $"关于{title}拟表彰人选的公示" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("联系人：王老师")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(visitor);
        await Pages.ScreenshotAsync(visitor, "selection-gongshi-public");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "提出异议" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("请填写您的真实姓名。").First).ToBeVisibleAsync();
        await visitor.GetByLabel("真实姓名").FillAsync("李四");
        await visitor.GetByLabel("工作单位").FillAsync("新疆大学");
        await visitor.GetByLabel("联系电话").FillAsync("13912345678");
        await visitor.GetByLabel("异议针对").SelectOptionAsync(new SelectOptionValue { Value = p.Winner1.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await visitor.GetByLabel("异议的事实和理由").FillAsync("该候选人申报材料中的获奖情况与事实不符。");
        await visitor.GetByLabel("证明材料（选填）").SetInputFilesAsync(new FilePayload { Name = "证明.png", MimeType = "image/png", Buffer = TestImages.Png() });
        await Pages.AssertAccessibleAsync(visitor);
        await Pages.ScreenshotAsync(visitor, "selection-gongshi-objection-form");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("受理编号：")).ToBeVisibleAsync();
        var reference = await portal.WithDbAsync(db => db.Objections.Where(o => o.NominationId == p.Winner1).Select(o => o.Reference).SingleAsync());
        await Assertions.Expect(visitor.GetByText(reference)).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(visitor, "selection-gongshi-objection-received");

        // The organiser reads it and finds it unfounded; finalising during the period is refused.
        await organiser.ReloadAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "查看并处理" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("13912345678")).ToBeVisibleAsync();
        await organiser.GetByLabel("核实情况与处理结果").FillAsync("经向推荐单位核实，获奖证书真实有效，反映情况不属实。");
        await organiser.GetByLabel("不成立").CheckAsync();
        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "selection-gongshi-objection-handle");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "保存处理结果" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText($"受理编号 {reference} 的异议处理结果已保存。")).ToBeVisibleAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "确定最终结果" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("期满后才能确定最终结果")).ToBeVisibleAsync();

        // Test-only: the period ends (the portal under test runs on the real clock).
        await portal.WithDbAsync(db => db.Announcements.Where(a => a.SelectionId == p.SelectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndsAt, DateTimeOffset.UtcNow.AddMinutes(-1)).SetProperty(a => a.StartsAt, DateTimeOffset.UtcNow.AddDays(-7))));

        // Citation and photo, then finalise and publish.
        await organiser.GotoAsync($"/selections/{p.SelectionId}/announcement");
        var winner = await portal.WithDbAsync(db => db.Nominations.Where(n => n.Id == p.Winner1).Select(n => n.Name).SingleAsync());
        await organiser.GetByLabel($"{winner}的事迹简介").FillAsync("扎根天山南北二十年，培育棉花新品种 5 个，推广面积超过 300 万亩。");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "保存事迹简介" }).First.ClickAsync();
        await Assertions.Expect(organiser.GetByText("事迹简介已保存。")).ToBeVisibleAsync();
        await organiser.GetByLabel($"{winner}的照片").SetInputFilesAsync(new FilePayload { Name = "照片.png", MimeType = "image/png", Buffer = TestImages.Png(90, 120) });
        await organiser.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).First.ClickAsync();
        await Assertions.Expect(organiser.GetByText("照片已上传。")).ToBeVisibleAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "确定最终结果" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("最终结果已确定。")).ToBeVisibleAsync();
        await organiser.GetByRole(AriaRole.Button, new() { Name = "公布评选结果" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("评选结果已公布。")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(organiser, "selection-gongshi-organiser");

        // The public result page: winners with photo and citation.
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"{title}评选结果公布" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("扎根天山南北二十年")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Img, new() { Name = $"{winner}的照片" })).ToBeVisibleAsync();
        Assert.True(await visitor.GetByRole(AriaRole.Img, new() { Name = $"{winner}的照片" }).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await Pages.AssertAccessibleAsync(visitor);
        await Pages.ScreenshotAsync(visitor, "selection-gongshi-result");
    }
}
