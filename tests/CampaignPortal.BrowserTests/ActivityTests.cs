using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class ActivityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Campaign = "2022年自治区全国科技工作者日";

    [Fact]
    public async Task FilerRegistersActivityAndSubVenue_OrganiserSeesThemInListCalendarAndMainEvent()
    {
        // 自治区科协 sets a main event.
        var xj = await fixture.NewPageAsync();
        await Pages.SignInAsync(xj, "xj.organiser@demo.local");
        await xj.GotoAsync("/organiser");
        await xj.GetByRole(AriaRole.Link, new() { Name = Campaign, Exact = true }).ClickAsync();
        var campaignUrl = xj.Url;
        await xj.GetByRole(AriaRole.Link, new() { Name = "设置主会场" }).ClickAsync();
        await xj.GetByLabel("主会场活动名称").FillAsync("科技工作者代表座谈会主会场");
        await xj.GetByLabel("举办日期").FillAsync("2022-06-01");
        await xj.GetByLabel("主会场地点").FillAsync("自治区科协报告厅");
        await Pages.AssertAccessibleAsync(xj);
        await xj.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(xj.GetByText("主会场已保存。")).ToBeVisibleAsync();
        var mainEventUrl = xj.Url;

        // 克拉玛依 registers an activity and a sub-venue.
        var klmy = await fixture.NewPageAsync();
        await Pages.SignInAsync(klmy, "klmy.filer@demo.local");
        await klmy.GotoAsync("/filer");
        await Pages.AssertAccessibleAsync(klmy);
        await Pages.ScreenshotAsync(klmy, "filer-campaigns");
        await klmy.GetByRole(AriaRole.Row).Filter(new() { HasText = Campaign }).GetByRole(AriaRole.Link, new() { Name = "活动登记" }).ClickAsync();
        await klmy.GetByRole(AriaRole.Link, new() { Name = "登记活动" }).ClickAsync();
        await klmy.GetByLabel("活动名称").FillAsync("克拉玛依市科技工作者健康讲座");
        await klmy.GetByLabel("活动板块").SelectOptionAsync(new SelectOptionValue { Label = "关心关爱科技工作者" });
        await klmy.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "报告会" });
        await klmy.GetByLabel("开始日期").FillAsync("2022-05-22");
        await klmy.GetByLabel("结束日期").FillAsync("2022-05-21");
        await klmy.GetByLabel("活动地点", new() { Exact = true }).FillAsync("克拉玛依市科技馆报告厅");
        await klmy.GetByLabel("预计参与人数").FillAsync("120");
        await klmy.GetByLabel("举办后可向公众公开").CheckAsync();
        await klmy.GetByRole(AriaRole.Button, new() { Name = "登记活动" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("结束日期不能早于开始日期。").First).ToBeVisibleAsync();
        await klmy.GetByLabel("结束日期").FillAsync("2022-05-22");
        await Pages.AssertAccessibleAsync(klmy);
        await Pages.ScreenshotAsync(klmy, "filer-activity-form");
        await klmy.GetByRole(AriaRole.Button, new() { Name = "登记活动" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("活动已登记。")).ToBeVisibleAsync();
        await klmy.GetByLabel("实际参与人数").FillAsync("135");
        await klmy.GetByRole(AriaRole.Button, new() { Name = "标记为已举办" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("已标记为已举办。")).ToBeVisibleAsync();
        await klmy.GetByLabel("媒体名称").FillAsync("克拉玛依日报");
        await klmy.GetByLabel("报道标题").FillAsync("我市举办科技工作者健康讲座");
        await klmy.GetByRole(AriaRole.Button, new() { Name = "添加报道" }).ClickAsync();
        await Assertions.Expect(klmy.GetByRole(AriaRole.Cell, new() { Name = "克拉玛依日报", Exact = true })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(klmy);
        await Pages.ScreenshotAsync(klmy, "filer-activity-details");

        await klmy.GetByRole(AriaRole.Link, new() { Name = "返回本单位活动" }).ClickAsync();
        await klmy.GetByRole(AriaRole.Row).Filter(new() { HasText = "科技工作者代表座谈会主会场" }).GetByRole(AriaRole.Link, new() { Name = "登记分会场" }).ClickAsync();
        await klmy.GetByLabel("分会场地点").FillAsync("克拉玛依市科协视频会议室");
        await klmy.GetByLabel("预计参加人数").FillAsync("30");
        await Pages.AssertAccessibleAsync(klmy);
        await klmy.GetByRole(AriaRole.Button, new() { Name = "登记分会场" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("分会场已登记。")).ToBeVisibleAsync();
        await klmy.GetByRole(AriaRole.Link, new() { Name = "返回本单位活动" }).ClickAsync();
        await Assertions.Expect(klmy.GetByRole(AriaRole.Link, new() { Name = "克拉玛依市科技工作者健康讲座" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(klmy, "filer-my-activities");
        await klmy.Context.CloseAsync();

        // 自治区科协 sees both.
        await xj.GotoAsync(mainEventUrl);
        await Assertions.Expect(xj.GetByRole(AriaRole.Cell, new() { Name = "克拉玛依市科协视频会议室", Exact = true })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(xj, "organiser-main-event");
        await xj.GotoAsync(campaignUrl);
        await xj.GetByRole(AriaRole.Link, new() { Name = "查看活动登记情况" }).ClickAsync();
        await xj.GetByLabel("登记单位").SelectOptionAsync(new SelectOptionValue { Label = "克拉玛依市科学技术协会" });
        await xj.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Link, new() { Name = "克拉玛依市科技工作者健康讲座" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-activity-list");
        await xj.GetByRole(AriaRole.Link, new() { Name = "活动日历" }).ClickAsync();
        var may22 = xj.GetByRole(AriaRole.Cell).Filter(new() { HasText = "克拉玛依市科技工作者健康讲座" });
        await Assertions.Expect(may22).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-activity-calendar");
        await may22.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Link, new() { Name = "克拉玛依市科技工作者健康讲座" })).ToBeVisibleAsync();
        await xj.Context.CloseAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(campaignUrl + "/public-activities");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "克拉玛依市科技工作者健康讲座" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(visitor);
        await Pages.ScreenshotAsync(visitor, "public-activities");
        await visitor.Context.CloseAsync();
    }
}
