using Microsoft.Playwright;

namespace CampaignPortal.BrowserTests;

public sealed class ReportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Campaign = "2022年自治区全国科技工作者日";

    [Fact]
    public async Task FilerFillsAndSubmits_ReviewerReturns_FilerFixesAndResubmits_ReviewerApproves()
    {
        // 克拉玛依 fills its report: figures come pre-filled from its activities and its districts' approved reports.
        var klmy = await fixture.NewPageAsync();
        await Pages.SignInAsync(klmy, "klmy.filer@demo.local");
        await klmy.GotoAsync("/filer");
        await klmy.GetByRole(AriaRole.Row).Filter(new() { HasText = Campaign }).GetByRole(AriaRole.Link, new() { Name = "填报总结报告" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("来自活动登记和下级汇总").First).ToBeVisibleAsync();
        await Assertions.Expect(klmy.GetByLabel("举办活动", new() { Exact = true })).Not.ToHaveValueAsync(string.Empty);
        await klmy.Locator("[data-editor-for=section-0] .ql-editor").ClickAsync();
        await klmy.Keyboard.TypeAsync("5月30日，克拉玛依市科协设分会场参加自治区主场活动，并会同市委宣传部、科技局开展“最美科技工作者”学习宣传活动。");
        await klmy.Locator("[data-editor-for=section-1] .ql-editor").ClickAsync();
        await klmy.Keyboard.TypeAsync("评选出10位“最美科技工作者”，市党政领导走访慰问代表。");
        await klmy.GetByLabel("评选出最美科技工作者", new() { Exact = true }).FillAsync("１０"); // full-width digits are read as 10
        await klmy.GetByLabel("参与人数", new() { Exact = true }).FillAsync("-5");
        await klmy.GetByLabel("填报人", new() { Exact = true }).FillAsync("张丽");
        await klmy.GetByLabel("联系电话").FillAsync("0990-6231234");
        await klmy.GetByLabel("单位负责人").FillAsync("刘强");
        await klmy.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("“参与人数”：不能填写负数。").First).ToBeVisibleAsync();
        await Assertions.Expect(klmy.GetByLabel("填报人", new() { Exact = true })).ToHaveValueAsync("张丽"); // nothing typed is lost
        await klmy.GetByLabel("参与人数", new() { Exact = true }).FillAsync("3,600");
        await klmy.GetByLabel("参与人数的表述方式").SelectOptionAsync(new SelectOptionValue { Label = "余（多于）" });
        await klmy.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("报告已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(klmy.GetByLabel("评选出最美科技工作者", new() { Exact = true })).ToHaveValueAsync("10");

        // A photo with its caption.
        var photo = await klmy.ScreenshotAsync(new PageScreenshotOptions { Clip = new Clip { X = 0, Y = 0, Width = 320, Height = 200 } });
        await klmy.GetByLabel("类型", new() { Exact = true }).Last.SelectOptionAsync(new SelectOptionValue { Label = "照片" });
        await klmy.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "座谈会现场.png", MimeType = "image/png", Buffer = photo });
        await klmy.GetByLabel("说明", new() { Exact = true }).FillAsync("克拉玛依市科技工作者座谈会现场");
        await klmy.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("附件已上传。")).ToBeVisibleAsync();
        await Assertions.Expect(klmy.GetByRole(AriaRole.Img, new() { Name = "克拉玛依市科技工作者座谈会现场" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(klmy);
        await Pages.ScreenshotAsync(klmy, "filer-report-form");

        klmy.Dialog += (_, dialog) => dialog.AcceptAsync();
        await klmy.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("等待审核").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(klmy, "filer-report-submitted");

        // 自治区科协's reviewer sees it waiting and returns it with a comment on one section.
        var reviewer = await fixture.NewPageAsync();
        await Pages.SignInAsync(reviewer, "xj.reviewer@demo.local");
        await reviewer.GotoAsync("/");
        await Assertions.Expect(reviewer.Locator("[data-waiting]")).ToBeVisibleAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "报告审核" }).First.ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "审核工作台" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(reviewer);
        await Pages.ScreenshotAsync(reviewer, "reviewer-queue");
        await reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = "克拉玛依市科学技术协会" }).GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("3,600余人次")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Img, new() { Name = "克拉玛依市科技工作者座谈会现场" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(reviewer);
        await Pages.ScreenshotAsync(reviewer, "reviewer-report");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("退回时请填写修改意见").First).ToBeVisibleAsync();
        await reviewer.GetByLabel("修改意见").FillAsync("请补充活动照片说明，并写明座谈会参加人数。");
        await reviewer.GetByText("按栏目填写意见（可选）").ClickAsync();
        await reviewer.GetByLabel("活动亮点").FillAsync("请写明走访慰问的人数。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("报告已退回修改").First).ToBeVisibleAsync();

        // The filer sees the comments, fixes and submits again.
        await klmy.GotoAsync(klmy.Url.Split('#')[0]);
        await Assertions.Expect(klmy.GetByText("请写明走访慰问的人数。")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(klmy, "filer-report-returned");
        await klmy.Locator("[data-editor-for=section-1] .ql-editor").ClickAsync();
        await klmy.Keyboard.PressAsync("End");
        await klmy.Keyboard.TypeAsync("共走访慰问科技工作者代表12人。");
        await klmy.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("第 2 版").First).ToBeVisibleAsync();

        // The reviewer approves version 2; both versions stay readable.
        await reviewer.GotoAsync("/reviews");
        await reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = "克拉玛依市科学技术协会" }).GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "与第 1 版相比的修改" })).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Locator("#changes ins")).ToContainTextAsync("共走访慰问科技工作者代表12人。");
        await Pages.ScreenshotAsync(reviewer, "reviewer-report-changes");
        reviewer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("报告已审核通过。")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(reviewer, "reviewer-approved");
        await reviewer.Context.CloseAsync();

        await klmy.GotoAsync(klmy.Url.Split('#')[0]);
        await Assertions.Expect(klmy.GetByText("已审核通过，不能再修改").First).ToBeVisibleAsync();
        await klmy.GetByRole(AriaRole.Link, new() { Name = "第 1 版" }).ClickAsync();
        await Assertions.Expect(klmy.GetByText("历史版本")).ToBeVisibleAsync();
        await Assertions.Expect(klmy.GetByText("请写明走访慰问的人数。")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(klmy);
        await Pages.ScreenshotAsync(klmy, "filer-report-version");
        await klmy.Context.CloseAsync();
    }

    [Fact]
    public async Task Autosave_SaysSavedOnlyWhenTheServerHasIt_AndAnExpiredSessionLosesNothing()
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, "hami.filer@demo.local");
        await page.GotoAsync("/filer");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = Campaign }).GetByRole(AriaRole.Link, new() { Name = "填报总结报告" }).ClickAsync();
        var reportUrl = page.Url;

        // Typing saves by itself; the page says so only once the server answered.
        await page.Locator("[data-editor-for=section-0] .ql-editor").ClickAsync();
        await page.Keyboard.TypeAsync("5月30日，哈密市科协设分会场参加自治区主场活动。");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("已保存");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-editor-for=section-0] .ql-editor")).ToContainTextAsync("哈密市科协设分会场");
        await Assertions.Expect(page.Locator("#draft-banner")).ToBeHiddenAsync();

        // The session expires (cookies gone); the next autosave gets 401 and the text stays in the browser.
        await page.Context.ClearCookiesAsync();
        await page.GetByLabel("单位负责人").FillAsync("李明");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("登录已过期");
        await Pages.ScreenshotAsync(page, "filer-report-session-expired");

        // Signed in again, the page offers the kept text back; restoring saves it.
        await Pages.SignInAsync(page, "hami.filer@demo.local");
        await page.GotoAsync(reportUrl);
        await Assertions.Expect(page.Locator("#draft-banner")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "filer-report-restore");
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复这些修改并保存" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("单位负责人")).ToHaveValueAsync("李明");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("已保存");
        Assert.Equal("[]", await page.EvaluateAsync<string>("() => JSON.stringify(Object.keys(localStorage))")); // the kept copy is gone once saved
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("单位负责人")).ToHaveValueAsync("李明");
        await Assertions.Expect(page.Locator("#draft-banner")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Video_UploadsInChunksWithProgress_ReloadHalfWay_ResumesFromWhereItStopped()
    {
        await fixture.Portal.CreateUserAsync("altay.video@test.local", organisation: "阿勒泰地区科学技术协会");
        var video = new byte[20 * 1024 * 1024 + 12345];
        new Random(530).NextBytes(video);
        byte[] header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];
        header.CopyTo(video, 0);
        var payload = new FilePayload { Name = "阿勒泰分会场.mp4", MimeType = "video/mp4", Buffer = video };

        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, "altay.video@test.local");
        await page.GotoAsync("/filer");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = Campaign }).GetByRole(AriaRole.Link, new() { Name = "填报总结报告" }).ClickAsync();
        var reportUrl = page.Url;

        // The second chunk never arrives: the page is reloaded while it hangs.
        var chunks = 0;
        var stalled = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/uploads/*?offset=*", async route =>
        {
            if (Interlocked.Increment(ref chunks) == 2)
            {
                stalled.TrySetResult();
                await release.Task;
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        await page.Locator("#video-file").SetInputFilesAsync(payload);
        await page.GetByLabel("视频说明").FillAsync("阿勒泰地区分会场视频");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传视频" }).ClickAsync();
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assertions.Expect(page.Locator("[data-video-text]")).ToContainTextAsync("已上传");
        await Assertions.Expect(page.Locator("[data-video-progress] progress")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "filer-report-video-progress");
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        release.TrySetResult();
        await page.GotoAsync(reportUrl);

        // Choosing the same file again continues after the 8 MB the server has.
        await page.Locator("#video-file").SetInputFilesAsync(payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传视频" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "阿勒泰分会场.mp4" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Pages.AssertAccessibleAsync(page);
        await Pages.ScreenshotAsync(page, "filer-report-video-done");
        await page.Context.CloseAsync();

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(video));
        var stored = await fixture.Portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.StoredFiles, f => f.OriginalName == "阿勒泰分会场.mp4"));
        Assert.Equal(expected, stored.Sha256);
        Assert.Equal(video.Length, stored.Size);
        Assert.Equal(1, await fixture.Portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.UploadSessions, u => u.FileName == "阿勒泰分会场.mp4")));
    }
}
