using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CampaignPortal.FaultTests.Infrastructure;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CampaignPortal.BrowserTests.TwoProcesses;

/// <summary>Issue 14: two web processes on one database behave as one portal.</summary>
[Collection(TwoProcessGroup.Name)]
public sealed partial class TwoProcessTests(TwoPortals portals, ITestOutputHelper output)
{
    private const string Organiser = "xj.organiser@demo.local";
    private const string Notice = "关于举办2023年自治区科技活动周的通知";

    private PortalProcess A => portals.A;

    private PortalProcess B => portals.B;

    [Fact]
    public void StartedTogetherOnEmptyDatabase_BothServe_OneKeyAndOneSeed()
    {
        output.WriteLine($"A and B healthy {portals.StartDuration.TotalSeconds:0.0} s after both were launched");
        Assert.Equal(1, PortalDb.Scalar(A, "SELECT COUNT(*) FROM DataProtectionKeys"));
        Assert.Equal(Roles.All.Count, PortalDb.Scalar(A, "SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal(DemoAccounts.All.Count, PortalDb.Scalar(A, "SELECT COUNT(*) FROM AspNetUsers"));
        Assert.Equal(1, PortalDb.Scalar(A, "SELECT COUNT(*) FROM Campaigns WHERE Title = $t", ("$t", PortalDb.Campaign)));
        Assert.Equal(0, PortalDb.Scalar(A, "SELECT COUNT(*) FROM JobLeases WHERE Name = $n", ("$n", StartupLock.LeaseName)));
    }

    [Fact]
    public async Task SignedInOnA_ContinuesOnB_FormIssuedByAIsAcceptedByB()
    {
        var campaign = PortalDb.CampaignId(A);
        var page = await portals.NewPageAsync(A);
        await Pages.SignInAsync(page, Organiser, PortalProcess.DemoPassword);

        // Cookies belong to the host, not the port: the browser sends A's sign-in cookie to B as it is.
        await page.GotoAsync(Url(B, $"/campaigns/{campaign}/reminders"));
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInAddress());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存设置" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "two-processes-b-signed-in-on-a");

        // The form as A hands it out (A's antiforgery token), sent to B with the browser's cookies. (The page's own
        // submit cannot be pointed at B: the portal's CSP allows forms to post to their own origin only.)
        await page.GotoAsync(Url(A, $"/campaigns/{campaign}/reminders"));
        var form = page.Locator($"form[action='/campaigns/{campaign}/reminders/settings']");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await form.Locator("[name=__RequestVerificationToken]").InputValueAsync(),
            ["daysBefore"] = await form.Locator("#daysBefore").InputValueAsync(),
            ["whenOverdue"] = "true",
            ["subject"] = await form.Locator("#subject").InputValueAsync(),
            ["body"] = await form.Locator("#body").InputValueAsync(),
        };
        var forged = await PostFormAsync(page, Url(B, $"/campaigns/{campaign}/reminders/settings"), new(fields) { ["__RequestVerificationToken"] = "forged" });
        Assert.Equal(400, forged.Status); // B does check the token
        var posted = await PostFormAsync(page, Url(B, $"/campaigns/{campaign}/reminders/settings"), fields);
        Assert.Equal(302, posted.Status);
        Assert.Equal($"/campaigns/{campaign}/reminders", posted.Headers["location"]);
        await page.GotoAsync(Url(B, $"/campaigns/{campaign}/reminders"));
        await Assertions.Expect(page.GetByText("催报设置已保存。")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "two-processes-b-saved-form-from-a");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UploadedOnA_DownloadedFromB_SameBytes()
    {
        var campaign = PortalDb.CampaignId(A);
        var page = await portals.NewPageAsync(A);
        await Pages.SignInAsync(page, "klmy.filer@demo.local", PortalProcess.DemoPassword);
        await page.GotoAsync($"/campaigns/{campaign}/report");
        var bytes = TestFiles.Pdf(300_000);
        await page.GetByLabel("类型", new() { Exact = true }).Last.SelectOptionAsync(new SelectOptionValue { Label = "文档" });
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "两进程测试附件.pdf", MimeType = "application/pdf", Buffer = bytes });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("附件已上传。")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "two-processes-a-uploaded");

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "两进程测试附件.pdf" }).GetAttributeAsync("href");
        var download = await page.Context.APIRequest.GetAsync(Url(B, href!));
        Assert.Equal(200, download.Status);
        Assert.Equal(PortalDb.Sha256(bytes), PortalDb.Sha256(await download.BodyAsync()));

        await page.GotoAsync(Url(B, $"/campaigns/{campaign}/report"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "两进程测试附件.pdf" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "two-processes-b-sees-upload");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CampaignOverdue_BothWorkersRunEvery6s_EachUnitRemindedOnceEachMailSentOnce()
    {
        // The demo campaign's deadline moved to yesterday (China time): its units that have not submitted are due the
        // "overdue" reminder today, and both processes' workers look every 6 s.
        var campaign = PortalDb.CampaignId(A);
        var yesterday = ChinaTime.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        PortalDb.Scalar(A, "UPDATE Campaigns SET ReportDeadline = $d, RemindWhenOverdue = 1 WHERE Id = $c", ("$d", yesterday), ("$c", campaign));
        var due = PortalDb.Scalar(A, """
            SELECT COUNT(*) FROM Participants p WHERE p.CampaignId = $c AND NOT EXISTS (SELECT 1 FROM SummaryReports r
            WHERE r.CampaignId = $c AND r.OrganisationId = p.OrganisationId AND r.Status IN ('Submitted', 'Approved'))
            """, ("$c", campaign));
        Assert.True(due > 0, "The demo campaign should have units that have not submitted");

        await WaitAsync(() => Reminders(campaign) >= due, "every due unit reminded");
        await WaitAsync(() => PortalDb.Scalar(A, "SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Pending'") == 0, "the outbox sent");
        await Task.Delay(TimeSpan.FromSeconds(8)); // at least one more run of each worker
        output.WriteLine($"Automatic reminder runs logged: A {Runs(A)}, B {Runs(B)}");

        Assert.Equal(due, Reminders(campaign));
        Assert.Equal(0, PortalDb.Scalar(A, "SELECT COUNT(*) FROM (SELECT OrganisationId FROM Reminders WHERE CampaignId = $c GROUP BY OrganisationId HAVING COUNT(*) > 1)", ("$c", campaign)));
        var mails = PortalDb.Scalar(A, "SELECT COUNT(*) FROM OutboxMessages WHERE CampaignId = $c AND Kind = '催报'", ("$c", campaign));
        Assert.True(mails > 0, "Karamay's filer has a draft only and should get a reminder e-mail");
        Assert.Equal(PortalDb.Scalar(A, "SELECT COALESCE(SUM(Emails), 0) FROM Reminders WHERE CampaignId = $c", ("$c", campaign)), mails);
        Assert.Equal(0, PortalDb.Scalar(A, "SELECT COUNT(*) FROM (SELECT \"To\" FROM OutboxMessages WHERE CampaignId = $c AND Kind = '催报' GROUP BY \"To\" HAVING COUNT(*) > 1)", ("$c", campaign)));

        // Each message left the outbox once: one .eml file per sent message, whichever process sent it.
        var files = Directory.GetFiles(portals.MailFolder, "*.eml");
        Assert.Equal(PortalDb.Scalar(A, "SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Sent'"), files.Length);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("To: klmy.filer@demo.local", StringComparison.Ordinal));

        var page = await portals.NewPageAsync(B);
        await Pages.SignInAsync(page, Organiser, PortalProcess.DemoPassword);
        await page.GotoAsync($"/campaigns/{campaign}/reminders");
        await Pages.ScreenshotAsync(page, "two-processes-b-reminders");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NoticeWithdrawnOnA_LeavesBsCachedPublicPagesWithin60Seconds()
    {
        var notice = PortalDb.Scalar(A, "SELECT Id FROM Notices WHERE Title = $t", ("$t", Notice));
        var visitor = await portals.NewPageAsync(B);
        await visitor.GotoAsync($"/notices/{notice}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Notice })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("该通知已撤回。")).Not.ToBeVisibleAsync();
        await Pages.ScreenshotAsync(visitor, "two-processes-b-notice-before");
        var before = await PublicPagesAsync(visitor, B, notice);
        Assert.False(before.Withdrawn, "B shows the notice as withdrawn before it was withdrawn");
        Assert.True(before.OnFrontPage, "The notice should be on B's front page before it is withdrawn");

        var organiser = await portals.NewPageAsync(A);
        await Pages.SignInAsync(organiser, Organiser, PortalProcess.DemoPassword);
        await organiser.GotoAsync($"/notices/{notice}/withdraw");
        await organiser.GetByLabel("撤回原因").FillAsync("两进程测试：撤回后公众页面应在一分钟内更新");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("通知已撤回，公众页面将显示撤回原因。")).ToBeVisibleAsync();
        var withdrawn = Stopwatch.StartNew();
        Assert.True((await PublicPagesAsync(visitor, A, notice)).Withdrawn, "A evicts its own cached pages at once");

        var stale = false;
        while (!(await PublicPagesAsync(visitor, B, notice)).Withdrawn)
        {
            stale = true;
            Assert.True(withdrawn.Elapsed < TimeSpan.FromSeconds(60), "B still shows the withdrawn notice after 60 s");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        output.WriteLine($"B showed the withdrawal {withdrawn.Elapsed.TotalSeconds:0.0} s after it was made on A (served the cached copy meanwhile: {stale})");
        await visitor.GotoAsync($"/notices/{notice}");
        await Assertions.Expect(visitor.GetByText("该通知已撤回。")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(visitor, "two-processes-b-notice-withdrawn");
        await visitor.Context.CloseAsync();
        await organiser.Context.CloseAsync();
    }

    private static Task<IAPIResponse> PostFormAsync(IPage page, string url, Dictionary<string, string> fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return page.Context.APIRequest.PostAsync(url, new() { Form = form, MaxRedirects = 0 });
    }

    /// <summary>What an anonymous visitor sees of the notice on <paramref name="portal"/>: the page, the list and the front page.</summary>
    private static async Task<(bool Withdrawn, bool OnFrontPage)> PublicPagesAsync(IPage visitor, PortalProcess portal, long notice)
    {
        async Task<string> TextAsync(string path) => await (await visitor.Context.APIRequest.GetAsync(Url(portal, path))).TextAsync();
        var page = await TextAsync($"/notices/{notice}");
        var row = Regex.Match(await TextAsync("/notices"), $"href=\"/notices/{notice}\".*?</li>", RegexOptions.Singleline);
        var onFrontPage = (await TextAsync("/")).Contains($"href=\"/notices/{notice}\"", StringComparison.Ordinal);
        var withdrawn = page.Contains("该通知已撤回。", StringComparison.Ordinal) && row.Success && row.Value.Contains("已撤回", StringComparison.Ordinal) && !onFrontPage;
        return (withdrawn, onFrontPage);
    }

    private long Reminders(long campaign) => PortalDb.Scalar(A, "SELECT COUNT(*) FROM Reminders WHERE CampaignId = $c", ("$c", campaign));

    private static int Runs(PortalProcess portal) => AutomaticRun().Count(portal.LogTail(200_000));

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"Waited 60 s for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static string Origin(PortalProcess portal) => portal.BaseAddress.GetLeftPart(UriPartial.Authority);

    private static string Url(PortalProcess portal, string path) => new Uri(portal.BaseAddress, path).ToString();

    [GeneratedRegex("/account/sign-in")]
    private static partial Regex SignInAddress();

    [GeneratedRegex(@"Reminders for campaign 0 \(automatic\)")]
    private static partial Regex AutomaticRun();
}
