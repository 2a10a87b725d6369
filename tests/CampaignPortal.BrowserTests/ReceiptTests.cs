using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class ReceiptTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Filer_AcknowledgesFromHomePage_OrganiserSeesTheGridChange()
    {
        var filer = await fixture.NewPageAsync();
        await Pages.SignInAsync(filer, "klmy.filer@demo.local");
        await Assertions.Expect(filer.GetByRole(AriaRole.Heading, new() { Name = "待签收的通知" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(filer);
        await Pages.ScreenshotAsync(filer, "filer-home-pending");
        await filer.GetByRole(AriaRole.Link, new() { Name = "关于举办2023年自治区科技活动周的通知" }).ClickAsync();
        await filer.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(filer.GetByText("本单位已于")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(filer, "filer-notice-acknowledged");
        await filer.Context.CloseAsync();

        var organiser = await fixture.NewPageAsync();
        await Pages.SignInAsync(organiser, "xj.organiser@demo.local");
        await organiser.GotoAsync("/organiser");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "2023年自治区科技活动周" }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "关于举办2023年自治区科技活动周的通知" }).ClickAsync();
        await organiser.GetByRole(AriaRole.Link, new() { Name = "签收情况" }).ClickAsync();
        var karamay = organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = "克拉玛依市科学技术协会" });
        await Assertions.Expect(karamay.GetByText("已签收", new() { Exact = true })).ToBeVisibleAsync();
        var hami = organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = "哈密市科学技术协会" });
        await hami.GetByLabel("代签收方式（哈密市科学技术协会）").FillAsync("电话确认");
        await hami.GetByRole(AriaRole.Button, new() { Name = "代签收" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("代签收：电话确认")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(organiser);
        await Pages.ScreenshotAsync(organiser, "organiser-receipts");
        await organiser.Context.CloseAsync();
    }
}
