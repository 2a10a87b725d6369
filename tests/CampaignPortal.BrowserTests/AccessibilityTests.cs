using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CampaignPortal.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.0 and 2.1, A and AA) on every main page as the principal who uses it, each form also as it comes
/// back with errors. All violations of any impact are collected and reported together.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryMainPage_AsItsUser_AndEveryFormWithErrors_HasNoAxeViolations()
    {
        var ids = await DemoIdsAsync();
        var sweep = new AxeSweep();

        var visitor = await fixture.NewPageAsync();
        await sweep.VisitAsync(visitor, "/", "a11y-public-home");
        await sweep.VisitAsync(visitor, "/notices");
        await sweep.VisitAsync(visitor, $"/notices/{ids.PublishedNotice}", "a11y-public-notice");
        await sweep.VisitAsync(visitor, $"/campaigns/{ids.Campaign}/public-activities");
        await sweep.VisitAsync(visitor, "/account/forgot-password");
        await sweep.VisitAsync(visitor, "/account/sign-in");
        await sweep.SubmitWithErrorsAsync(visitor, "登录", "a11y-sign-in-errors");
        await visitor.Context.CloseAsync();

        var admin = await SignedInAsync("xj.admin@demo.local");
        await sweep.VisitAsync(admin, "/admin");
        await sweep.VisitAsync(admin, "/admin/organisations");
        await sweep.VisitAsync(admin, "/admin/organisations/create");
        await sweep.SubmitWithErrorsAsync(admin, "新建");
        await sweep.VisitAsync(admin, $"/admin/organisations/{ids.Hami}/edit");
        await sweep.SubmitWithErrorsAsync(admin, "保存");
        await sweep.VisitAsync(admin, $"/admin/organisations/{ids.Hami}/move");
        await sweep.VisitAsync(admin, "/admin/users");
        await sweep.VisitAsync(admin, "/admin/users/create");
        await sweep.SubmitWithErrorsAsync(admin, "新建账号", "a11y-user-form-errors");
        await sweep.VisitAsync(admin, $"/admin/users/{ids.HamiFiler}");
        await sweep.VisitAsync(admin, $"/admin/users/{ids.HamiFiler}/edit");
        await sweep.SubmitWithErrorsAsync(admin, "保存");
        await sweep.VisitAsync(admin, "/admin/users/import");
        await sweep.VisitAsync(admin, "/admin/audit");
        await sweep.VisitAsync(admin, "/notifications");
        await sweep.VisitAsync(admin, "/account/change-password");
        await sweep.SubmitWithErrorsAsync(admin, "保存新密码");
        await admin.Context.CloseAsync();

        var organiser = await SignedInAsync("xj.organiser@demo.local");
        var c = ids.Campaign;
        await sweep.VisitAsync(organiser, "/organiser", "a11y-organiser-home");
        await sweep.VisitAsync(organiser, "/campaigns/create");
        await sweep.SubmitWithErrorsAsync(organiser, "创建活动");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/edit");
        await sweep.SubmitWithErrorsAsync(organiser, "保存");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/notices/create");
        await sweep.SubmitWithErrorsAsync(organiser, "保存草稿", "a11y-notice-form-errors");
        await organiser.Locator("#Title").FillAsync("关于无障碍检查的通知（草稿）");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();
        await Assertions.Expect(organiser.GetByText("通知已保存为草稿")).ToBeVisibleAsync();
        await sweep.CheckAsync(organiser, "notice edit (draft)");
        await sweep.SubmitWithErrorsAsync(organiser, "保存草稿");
        await sweep.VisitAsync(organiser, $"/notices/{ids.PublishedNotice}/revise");
        await sweep.SubmitWithErrorsAsync(organiser, "发布修订");
        await sweep.VisitAsync(organiser, $"/notices/{ids.PublishedNotice}/receipts");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/progress", "a11y-progress-grid");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/rollup");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/reports");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/reminders");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/activities");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/activities/calendar");
        await sweep.VisitAsync(organiser, $"/main-events/{ids.MainEvent}");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/main-events/{ids.MainEvent}/edit");
        await sweep.SubmitWithErrorsAsync(organiser, "保存");
        await sweep.VisitAsync(organiser, "/filer");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/my-activities");
        await sweep.VisitAsync(organiser, $"/campaigns/{c}/my-activities/create");
        await sweep.SubmitWithErrorsAsync(organiser, "登记活动", "a11y-activity-form-errors");
        await sweep.VisitAsync(organiser, $"/activities/{ids.Activity}");
        await sweep.VisitAsync(organiser, $"/activities/{ids.Activity}/edit");
        await sweep.SubmitWithErrorsAsync(organiser, "保存");
        await organiser.Context.CloseAsync();

        var filer = await SignedInAsync("klmy.filer@demo.local");
        await sweep.VisitAsync(filer, "/filer", "a11y-filer-home");
        await sweep.VisitAsync(filer, $"/campaigns/{c}/report", "a11y-report-form");
        await sweep.SubmitWithErrorsAsync(filer, "提交审核", "a11y-report-form-errors");
        await sweep.VisitAsync(filer, $"/main-events/{ids.MainEvent}/sub-venue");
        await sweep.SubmitWithErrorsAsync(filer, "保存修改");
        await sweep.VisitAsync(filer, "/notifications");
        await filer.Context.CloseAsync();

        var reviewer = await SignedInAsync("xj.reviewer@demo.local");
        await sweep.VisitAsync(reviewer, "/reviewer");
        await sweep.VisitAsync(reviewer, "/reviews", "a11y-review-queue");
        await sweep.VisitAsync(reviewer, $"/reports/{ids.SubmittedReport}", "a11y-review-page");
        await sweep.SubmitWithErrorsAsync(reviewer, "退回修改");
        await sweep.VisitAsync(reviewer, $"/reports/{ids.SubmittedReport}/versions/1");
        await reviewer.Context.CloseAsync();

        output.WriteLine($"axe checked {sweep.Checked.Count} pages:");
        sweep.Checked.ForEach(output.WriteLine);
        Assert.True(sweep.Violations.Count == 0,
            $"{sweep.Violations.Count} axe violations on {sweep.Checked.Count} pages checked:\n{string.Join("\n", sweep.Violations)}");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, email);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        return page;
    }

    private async Task<DemoIds> DemoIdsAsync()
    {
        var campaign = await ReportSteps.CampaignIdAsync(fixture.Portal);
        return await fixture.Portal.WithDbAsync(async db => new DemoIds(
            campaign,
            await db.Notices.Where(n => n.CampaignId == campaign && n.Status == NoticeStatus.Published).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(),
            await db.MainEvents.Where(e => e.CampaignId == campaign).Select(e => e.Id).SingleAsync(),
            await db.Activities.Where(a => a.CampaignId == campaign && a.Title == "科学家精神主题报告会").Select(a => a.Id).SingleAsync(),
            await db.SummaryReports.Where(r => r.CampaignId == campaign && r.Organisation!.Name == "吐鲁番市科学技术协会").Select(r => r.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "哈密市科学技术协会").Select(o => o.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "hami.filer@demo.local").Select(u => u.Id).SingleAsync()));
    }

    private sealed record DemoIds(int Campaign, int PublishedNotice, int MainEvent, int Activity, int SubmittedReport, int Hami, string HamiFiler);
}
