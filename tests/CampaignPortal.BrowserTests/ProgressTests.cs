using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class ProgressTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Campaign = "2022年自治区全国科技工作者日";

    [Fact]
    public async Task OrganiserWatchesTheGridAsUnitsSubmit_OpensTheCharts_DownloadsTheExcelFile()
    {
        var xj = await fixture.NewPageAsync();
        await Pages.SignInAsync(xj, "xj.organiser@demo.local");
        await xj.GotoAsync("/organiser");
        await xj.GetByRole(AriaRole.Link, new() { Name = Campaign, Exact = true }).ClickAsync();
        await xj.GetByRole(AriaRole.Link, new() { Name = "报送进度" }).ClickAsync();
        var hamiRow = xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "哈密市科学技术协会" });
        await Assertions.Expect(hamiRow).ToContainTextAsync("未填报");
        var gridUrl = xj.Url;

        // 哈密 submits its report meanwhile.
        var hami = await fixture.NewPageAsync();
        await Pages.SignInAsync(hami, "hami.filer@demo.local");
        await hami.GotoAsync("/filer");
        await hami.GetByRole(AriaRole.Row).Filter(new() { HasText = Campaign }).GetByRole(AriaRole.Link, new() { Name = "填报总结报告" }).ClickAsync();
        await hami.Locator("[data-editor-for=section-0] .ql-editor").ClickAsync();
        await hami.Keyboard.TypeAsync("5月30日，哈密市科协设分会场参加自治区主场活动。");
        await hami.Locator("[data-editor-for=section-1] .ql-editor").ClickAsync();
        await hami.Keyboard.TypeAsync("走访慰问科技工作者代表。");
        await hami.GetByLabel("填报人", new() { Exact = true }).FillAsync("王芳");
        await hami.GetByLabel("联系电话").FillAsync("0902-2231234");
        await hami.GetByLabel("单位负责人").FillAsync("李明");
        hami.Dialog += (_, dialog) => dialog.AcceptAsync();
        await hami.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(hami.GetByText("等待审核").First).ToBeVisibleAsync();
        await hami.Context.CloseAsync();

        await xj.GotoAsync(gridUrl);
        await Assertions.Expect(hamiRow).ToContainTextAsync("待审核");
        await Assertions.Expect(hamiRow).ToContainTextAsync("王芳");
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-progress-grid");

        await xj.GetByRole(AriaRole.Link, new() { Name = "数据汇总与图表" }).ClickAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Heading, new() { Name = "合计（1 份报告）" })).ToBeVisibleAsync();
        await xj.GetByRole(AriaRole.Link, new() { Name = "含待审核的报告" }).ClickAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "哈密市科学技术协会" }).First).ToBeVisibleAsync();
        await Assertions.Expect(xj.Locator("canvas[data-chart]").First).ToBeVisibleAsync();
        Assert.True(await xj.EvaluateAsync<bool>("() => !!window.Chart && Object.keys(Chart.instances).length >= 2"), "the charts were drawn");
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-rollup");

        var download = await xj.RunAndWaitForDownloadAsync(() => xj.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith("汇总表.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal((byte)'P', bytes[0]); // a zip (xlsx)
        await xj.Context.CloseAsync();
    }

    [Fact]
    public async Task OrganiserRemindsAllNonSubmitters_AndSeesTheOutbox()
    {
        var xj = await fixture.NewPageAsync();
        await Pages.SignInAsync(xj, "xj.organiser@demo.local");
        await xj.GotoAsync("/organiser");
        await xj.GetByRole(AriaRole.Link, new() { Name = "2023年自治区科技活动周", Exact = true }).ClickAsync();
        await xj.GetByRole(AriaRole.Link, new() { Name = "报送进度" }).ClickAsync();
        xj.Dialog += (_, dialog) => dialog.AcceptAsync();
        await xj.GetByRole(AriaRole.Button, new() { Name = "提醒全部未提交单位" }).ClickAsync();
        await Assertions.Expect(xj.GetByText("已提醒 14 个单位").First).ToBeVisibleAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "哈密市科学技术协会" })).ToContainTextAsync("已提醒 1 次");
        await Pages.ScreenshotAsync(xj, "organiser-reminded");

        await xj.GetByRole(AriaRole.Link, new() { Name = "催报记录与邮件" }).ClickAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "hami.filer@demo.local" })).ToContainTextAsync("等待发送");
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-reminders-outbox");
        await xj.Context.CloseAsync();
    }

    [Fact]
    public async Task OrganiserDownloadsAReportAsWord_AndTheCompiledVolume()
    {
        var xj = await fixture.NewPageAsync();
        await Pages.SignInAsync(xj, "xj.organiser@demo.local");
        await xj.GotoAsync("/organiser");
        await xj.GetByRole(AriaRole.Link, new() { Name = Campaign, Exact = true }).ClickAsync();
        await xj.GetByRole(AriaRole.Link, new() { Name = "报送进度" }).ClickAsync();
        await xj.GetByRole(AriaRole.Row).Filter(new() { HasText = "乌鲁木齐市科学技术协会" }).GetByRole(AriaRole.Link, new() { Name = "查看报告" }).ClickAsync();
        var word = await xj.RunAndWaitForDownloadAsync(() => xj.GetByRole(AriaRole.Link, new() { Name = "下载 Word" }).ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("乌鲁木齐市科学技术协会", word.SuggestedFilename, StringComparison.Ordinal);

        await xj.GoBackAsync();
        await xj.GetByRole(AriaRole.Link, new() { Name = "数据汇总与图表" }).ClickAsync();
        await xj.GetByRole(AriaRole.Button, new() { Name = "生成报告汇编（Word）" }).ClickAsync();
        await Assertions.Expect(xj.GetByText("已排队").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(xj, "organiser-export-queued");

        // The background worker is off in tests: run the queue here, as the worker would.
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fixture.Portal.Services))
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CampaignPortal.Web.Features.Exports.ExportService>(scope.ServiceProvider)
                .ProcessAsync("browser-test", CancellationToken.None);
        }

        await xj.ReloadAsync();
        await Assertions.Expect(xj.GetByRole(AriaRole.Link, new() { Name = "下载" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(xj);
        await Pages.ScreenshotAsync(xj, "organiser-export-ready");
        var volume = await xj.RunAndWaitForDownloadAsync(() => xj.GetByRole(AriaRole.Link, new() { Name = "下载" }).ClickAsync());
        Assert.EndsWith("总结报告汇编.docx", volume.SuggestedFilename, StringComparison.Ordinal);
        await xj.Context.CloseAsync();
    }
}
