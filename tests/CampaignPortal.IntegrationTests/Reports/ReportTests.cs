using System.Net;
using System.Text;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Reports;

public sealed class ReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> FilerAtAsync(string unit)
    {
        var email = $"filer-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, organisation: unit);
        return await factory.SignedInAsync(email);
    }

    [Fact]
    public async Task OpeningTheReport_ChangesNothing()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await FilerAtAsync("克孜勒苏柯尔克孜自治州科学技术协会");

        var html = await filer.GetStringAsync($"/campaigns/{campaignId}/report");

        Assert.Contains("总结报告", html, StringComparison.Ordinal);
        Assert.Contains("草稿", html, StringComparison.Ordinal);
        Assert.Null(await ReportAsync(factory, campaignId, "克孜勒苏柯尔克孜自治州科学技术协会"));
    }

    [Fact]
    public async Task FullLoop_Submit_Return_Resubmit_Approve_KeepsBothVersions_AndLocksActivities()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");

        // Save, then submit.
        var saved = await SaveAsync(filer, campaignId, Complete(await VersionOnPageAsync(filer, campaignId)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await SubmitCompleteAsync(filer, campaignId);
        var report = (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!;
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(1, report.LatestVersionNumber);
        var figure = report.Figures.Single(f => f.Code == "participants");
        Assert.Equal(120_000, figure.Hundredths);
        Assert.Equal(FigureQualifier.MoreThan, figure.Qualifier);
        Assert.Equal("据不完全统计", figure.Note);

        // The reviewer is told, sees it waiting (with the badge) and returns it with a comment on one section.
        var reviewerId = await factory.UserIdAsync("xj.reviewer@demo.local");
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == reviewerId && n.Kind == NotificationKind.ReportSubmitted && n.Link == $"/reports/{report.Id}")));
        var queue = await reviewer.GetStringAsync("/reviews");
        Assert.Contains("哈密市科学技术协会", queue, StringComparison.Ordinal);
        Assert.Contains("data-waiting=", queue, StringComparison.Ordinal);
        var noComment = await reviewer.PostFormAsync($"/reports/{report.Id}/return", new Dictionary<string, string> { ["Number"] = "1", ["Comment"] = " " }, $"/reports/{report.Id}");
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Contains("退回时请填写修改意见", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var returned = await reviewer.PostFormAsync($"/reports/{report.Id}/return", new Dictionary<string, string>
        {
            ["Number"] = "1",
            ["Comment"] = "请补充活动照片说明。",
            ["SectionComments[0].Title"] = "活动亮点",
            ["SectionComments[0].Html"] = "请写明主题展的参观人数。",
        }, $"/reports/{report.Id}");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        // The filer sees the comments, fixes and submits again; the reviewer approves.
        var page = await filer.GetStringAsync($"/campaigns/{campaignId}/report");
        Assert.Contains("请补充活动照片说明。", page, StringComparison.Ordinal);
        Assert.Contains("请写明主题展的参观人数。", page, StringComparison.Ordinal);
        var fixedFields = Complete(await VersionOnPageAsync(filer, campaignId), "<p>举办主题展，参观群众800余人次。</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(filer, campaignId, fixedFields, submit: true)).StatusCode);
        var stale = await reviewer.PostFormAsync($"/reports/{report.Id}/approve", new Dictionary<string, string> { ["number"] = "1" }, $"/reports/{report.Id}");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode); // the reviewer read version 1; version 2 is what waits
        Assert.Contains("报告已更新为第 2 版", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await reviewer.PostFormAsync($"/reports/{report.Id}/approve", new Dictionary<string, string> { ["number"] = "2", ["comment"] = "同意。" }, $"/reports/{report.Id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        report = (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!;
        Assert.Equal(ReportStatus.Approved, report.Status);
        var versions = await factory.WithDbAsync(db => db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal(ReviewDecision.Returned, versions[0].Decision);
        Assert.Equal("请写明主题展的参观人数。", versions[0].Sections.Single(s => s.Title == "活动亮点").Comment);
        Assert.Contains("举办主题展，组织座谈会。", versions[0].Sections.Single(s => s.Title == "活动亮点").Html, StringComparison.Ordinal);
        Assert.Contains("参观群众800余人次", versions[1].Sections.Single(s => s.Title == "活动亮点").Html, StringComparison.Ordinal);
        Assert.Equal(ReviewDecision.Approved, versions[1].Decision);
        Assert.Equal(
            [ReportEventKind.Created, ReportEventKind.Submitted, ReportEventKind.Returned, ReportEventKind.Submitted, ReportEventKind.Approved],
            report.Events.OrderBy(e => e.Id).Select(e => e.Kind).ToArray());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(SummaryReport) && e.EntityId == report.Id.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.ReportReturned, audited);
        Assert.Contains(AuditAction.ReportApproved, audited);
        Assert.Equal(2, audited.Count(a => a == AuditAction.ReportSubmitted));

        // The filer still reads both versions; the report is locked, and so are the unit's activities (issue 6).
        Assert.Contains("请补充活动照片说明。", await filer.GetStringAsync($"/reports/{report.Id}/versions/1"), StringComparison.Ordinal);
        Assert.Contains("参观群众800余人次", await filer.GetStringAsync($"/reports/{report.Id}"), StringComparison.Ordinal);
        var edit = await SaveAsync(filer, campaignId, Complete(report.Version.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("报告已审核通过，不能再修改", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var activity = await filer.PostFormAsync($"/campaigns/{campaignId}/my-activities/create", new Dictionary<string, string>
        {
            ["Title"] = "审核通过后登记的活动",
            ["Kind"] = "Symposium",
            ["Form"] = "Offline",
            ["StartDate"] = "2022-05-30",
            ["EndDate"] = "2022-05-30",
            ["Venue"] = "哈密",
            ["CategoryId"] = (await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.Categories).Select(c => c.Id).FirstAsync())).ToString(),
        }, $"/campaigns/{campaignId}/my-activities/create");
        Assert.Equal(HttpStatusCode.Conflict, activity.StatusCode);
        Assert.Contains("总结报告已审核通过，活动信息不能再登记或修改", await activity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var filerNotified = await factory.UserIdAsync("hami.filer@demo.local");
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == filerNotified && n.Kind == NotificationKind.ReportApproved)));
    }

    [Fact]
    public async Task Prefill_FromTheUnitsActivities_MarkedAndOverridable()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "阿勒泰地区科学技术协会";
        var unitId = await factory.OrganisationIdAsync(unit);
        using var filer = await FilerAtAsync(unit);
        var held = await factory.WithDbAsync(db => db.Activities.Where(a => a.CampaignId == campaignId && a.OrganisationId == unitId && a.Status == ActivityStatus.Held)
            .Select(a => new { a.ActualParticipants }).ToListAsync());
        Assert.NotEmpty(held); // the demo registers 阿勒泰's held activities

        var html = await filer.GetStringAsync($"/campaigns/{campaignId}/report");

        Assert.Contains($"name=\"Figures[0].Value\" value=\"{held.Count}\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Figures[1].Value\" value=\"{held.Sum(h => h.ActualParticipants ?? 0)}\"", html, StringComparison.Ordinal);
        Assert.Contains("来自活动登记", html, StringComparison.Ordinal);

        // Saved unchanged it keeps its source; a typed-over figure becomes manual.
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));
        fields["Figures[0].Value"] = held.Count.ToString();
        fields["Figures[1].Value"] = "99999";
        fields["Figures[1].Qualifier"] = "Exact";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(filer, campaignId, fields)).StatusCode);
        var report = (await ReportAsync(factory, campaignId, unit))!;
        Assert.Equal(FigureSource.Activities, report.Figures.Single(f => f.Code == "activities").Source);
        Assert.Equal(FigureSource.Manual, report.Figures.Single(f => f.Code == "participants").Source);
    }

    [Fact]
    public async Task Prefill_ForAUnitThatForwarded_AddsItsApprovedChildReports()
    {
        var campaignId = await CampaignIdAsync(factory);
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        var child = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.ParentCampaignId == campaignId && c.OrganisationId == karamay).Select(c => c.Id).SingleAsync());
        var childActivities = await factory.WithDbAsync(db => db.SummaryReports.Where(r => r.CampaignId == child && r.Status == ReportStatus.Approved)
            .SelectMany(r => r.Figures).Where(f => f.Code == "activities").SumAsync(f => f.Hundredths));
        var ownHeld = await factory.WithDbAsync(db => db.Activities.CountAsync(a => a.CampaignId == campaignId && a.OrganisationId == karamay && a.Status == ActivityStatus.Held));
        // A submitted (not approved) child report must not count.
        var submittedChild = await factory.WithDbAsync(db => db.SummaryReports.CountAsync(r => r.CampaignId == child && r.Status != ReportStatus.Approved));
        Assert.True(childActivities > 0);
        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");

        var html = await filer.GetStringAsync($"/campaigns/{campaignId}/report");

        Assert.Contains($"name=\"Figures[0].Value\" value=\"{ownHeld + (childActivities / 100)}\"", html, StringComparison.Ordinal);
        Assert.Contains("来自活动登记和下级汇总", html, StringComparison.Ordinal);
        Assert.Contains("下级单位已通过报告 1 份合计", html, StringComparison.Ordinal);
        Assert.Equal(0, submittedChild);
    }

    [Fact]
    public async Task TwoStaffSaveAtOnce_SecondIsRefusedWithTheDifferences_InputKept()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "喀什地区科学技术协会";
        using var first = await FilerAtAsync(unit);
        using var second = await FilerAtAsync(unit);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(first, campaignId, Complete("0"))).StatusCode);
        var opened = await VersionOnPageAsync(first, campaignId);
        Assert.Equal(opened, await VersionOnPageAsync(second, campaignId));

        var a = Complete(opened, "<p>第一位同事写的亮点。</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(first, campaignId, a)).StatusCode);
        var b = Complete(opened, "<p>第二位同事写的亮点。</p>");
        b["Figures[0].Value"] = "7";
        var refused = await SaveAsync(second, campaignId, b);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("报告已被他人修改并保存", html, StringComparison.Ordinal);
        Assert.Contains("第一位同事写的亮点。", html, StringComparison.Ordinal); // what is saved
        Assert.Contains("第二位同事写的亮点。", html, StringComparison.Ordinal); // their input, kept
        Assert.Contains("<th scope=\"row\">举办活动</th><td>3项</td><td>7项</td>", html, StringComparison.Ordinal);
        var stored = (await ReportAsync(factory, campaignId, unit))!;
        Assert.Contains("第一位同事", stored.Sections.Single(s => s.Title == "活动亮点").Html, StringComparison.Ordinal);

        // Saving again from the conflict page (which carries the new version) is a deliberate overwrite.
        var again = Complete(System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, "<p>第二位同事写的亮点。</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(second, campaignId, again)).StatusCode);
        Assert.Contains("第二位同事", (await ReportAsync(factory, campaignId, unit))!.Sections.Single(s => s.Title == "活动亮点").Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoubleClickedOrReplayedSubmit_MakesOneVersion()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "和田地区科学技术协会";
        using var filer = await FilerAtAsync(unit);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(filer, campaignId, Complete("0"))).StatusCode);
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));

        var both = await Task.WhenAll(SaveAsync(filer, campaignId, fields, submit: true), SaveAsync(filer, campaignId, fields, submit: true));
        var replay = await SaveAsync(filer, campaignId, fields, submit: true);

        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        var report = (await ReportAsync(factory, campaignId, unit))!;
        Assert.Equal(1, report.LatestVersionNumber);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ReportVersions.CountAsync(v => v.ReportId == report.Id)));
        Assert.Single(report.Events, e => e.Kind == ReportEventKind.Submitted);
        Assert.Contains("无需重复提交", await filer.GetStringAsync($"/campaigns/{campaignId}/report"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_BeforeReview_BackToDraft_VersionKept_ReviewerCannotSeeTheDraft()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "伊犁哈萨克自治州科学技术协会"; // seeded: returned
        using var filer = await FilerAtAsync(unit);
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        await SubmitCompleteAsync(filer, campaignId);
        var id = (await ReportAsync(factory, campaignId, unit))!.Id;

        var withdrawn = await filer.PostFormAsync($"/campaigns/{campaignId}/report/withdraw", new Dictionary<string, string>(), $"/campaigns/{campaignId}/report");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var report = (await ReportAsync(factory, campaignId, unit))!;
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.NotNull(await factory.WithDbAsync(db => db.ReportVersions.Where(v => v.ReportId == id && v.Number == 2).Select(v => v.WithdrawnAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/reports/{id}")).StatusCode);
        var approveDraft = await reviewer.PostFormAsync($"/reports/{id}/approve", new Dictionary<string, string>(), "/reviews");
        Assert.Equal(HttpStatusCode.Conflict, approveDraft.StatusCode);
        Assert.Contains("报告尚未提交", await approveDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("第 2 版", await filer.GetStringAsync($"/reports/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "不能填写负数")]
    [InlineData("2147483648", "数值过大")]
    [InlineData("1e3", "请直接填写数字，不要使用科学计数法")]
    [InlineData("NaN", "请填写数字")]
    [InlineData("3.5", "本项须填写整数")]
    [InlineData("1,2,3", "千位分隔符的位置不对")]
    public async Task BadFigures_ClearMessage_NothingStored(string value, string message)
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "博尔塔拉蒙古自治州科学技术协会";
        using var filer = await FilerAtAsync(unit);
        var before = await ReportAsync(factory, campaignId, unit);
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));
        fields["Figures[0].Value"] = value;

        var response = await SaveAsync(filer, campaignId, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“举办活动”：" + message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{System.Net.WebUtility.HtmlEncode(value)}\"", html, StringComparison.Ordinal); // the input is kept
        var after = await ReportAsync(factory, campaignId, unit);
        Assert.Equal(before?.Version, after?.Version);
    }

    [Fact]
    public async Task SubmitIncomplete_SavesButListsWhatIsMissing_ScriptStripped()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string fresh = "博尔塔拉蒙古自治州科学技术协会";
        using var filer = await FilerAtAsync(fresh);
        var fields = Complete(await VersionOnPageAsync(filer, campaignId), "<p>亮点</p><script>alert(1)</script><img src=x onerror=alert(2)>");
        fields["Sections[0].Html"] = "";
        fields["Figures[1].Value"] = "";
        fields["Figures[1].Note"] = "";
        fields["FilerPhone"] = "";

        var response = await SaveAsync(filer, campaignId, fields, submit: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("请填写“基本情况”。", html, StringComparison.Ordinal);
        Assert.Contains("请填写统计指标“参与人数”。", html, StringComparison.Ordinal);
        Assert.Contains("请填写联系电话。", html, StringComparison.Ordinal);
        var report = (await ReportAsync(factory, campaignId, fresh))!;
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(0, report.LatestVersionNumber);
        var highlight = report.Sections.Single(s => s.Title == "活动亮点").Html;
        Assert.DoesNotContain("script", highlight, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", highlight, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("亮点", highlight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_PhotoAccepted_BadFilesRefused_CutOffUploadLeavesNothing()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "昌吉回族自治州科学技术协会"; // seeded: draft
        using var filer = await FilerAtAsync(unit);
        var page = $"/campaigns/{campaignId}/report";
        var png = TestImages.Png();
        var filesBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        var photo = await filer.PostFileAsync($"{page}/files", page, "现场.png", png, new Dictionary<string, string> { ["kind"] = "Photo", ["caption"] = "座谈会现场" });
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        var cases = new (string Name, byte[] Content, string Kind, string Message)[]
        {
            ("照片.jpg", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "Photo", "与扩展名不符"),
            ("report.pdf.exe", Encoding.UTF8.GetBytes("%PDF-1.4"), "Document", "不支持“report.pdf.exe”"),
            ("../../appsettings.json", Encoding.UTF8.GetBytes("{}"), "Document", "不支持“appsettings.json”"),
        };
        foreach (var (name, content, kind, message) in cases)
        {
            var refused = await filer.PostFileAsync($"{page}/files", page, name, content, new Dictionary<string, string> { ["kind"] = kind });
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains(message, await filer.GetStringAsync(page), StringComparison.Ordinal);
        }

        // A body that ends half-way through the file part.
        var token = await filer.AntiforgeryTokenAsync(page);
        const string boundary = "----cutoff";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nDocument\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"总结.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half a file";
        using var cut = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        var cutResponse = await filer.Http.PostAsync(new Uri($"{page}/files", UriKind.Relative), cut);
        Assert.True(cutResponse.StatusCode == HttpStatusCode.Redirect, $"{cutResponse.StatusCode}: {await cutResponse.Content.ReadAsStringAsync()}");
        Assert.Contains("上传未完成", await filer.GetStringAsync(page), StringComparison.Ordinal);

        var report = (await ReportAsync(factory, campaignId, unit))!;
        var file = Assert.Single(report.Files);
        Assert.Equal(ReportFileKind.Photo, file.Kind);
        Assert.Equal("座谈会现场", file.Caption);
        Assert.Equal(64, file.Sha256.Length);
        Assert.Equal(filesBefore + 1, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await filer.GetAsync($"/reports/{report.Id}/files/{file.StoredFileId}")).StatusCode);
        var thumbnail = await filer.GetAsync($"/reports/{report.Id}/files/{file.StoredFileId}?thumb=1");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Null(thumbnail.Content.Headers.ContentDisposition); // shown, not downloaded
    }

    [Fact]
    public async Task Authorisation_OtherUnitsAndOrganisations_NotFound_WrongRole_Forbidden_WrongState_Conflict()
    {
        var xinjiang2022 = await CampaignIdAsync(factory);
        var national = await CampaignIdAsync(factory, NationalCampaign);
        var turpan = (await ReportAsync(factory, xinjiang2022, "吐鲁番市科学技术协会"))!; // submitted
        var changji = (await ReportAsync(factory, xinjiang2022, "昌吉回族自治州科学技术协会"))!; // draft
        var xinjiangReport = (await ReportAsync(factory, national, "新疆维吾尔自治区科学技术协会"))!; // approved
        var shaanxiCampaign = await CampaignIdAsync(factory, "2020年陕西省“全国科技工作者日”活动");
        using var otherFiler = await factory.SignedInAsync("klmy.filer@demo.local");
        using var castReviewer = await factory.SignedInAsync("cast.reviewer@demo.local");
        using var xjReviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        using var xjOrganiser = await factory.SignedInAsync("xj.organiser@demo.local");
        using var sxOrganiser = await factory.SignedInAsync("sx.organiser@demo.local");
        using var hami = await factory.SignedInAsync("hami.filer@demo.local");

        // Another unit's report, file or version: not found, like a missing id.
        Assert.Equal(HttpStatusCode.NotFound, (await otherFiler.GetAsync($"/reports/{turpan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherFiler.GetAsync($"/reports/{turpan.Id}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherFiler.GetAsync($"/reports/{int.MaxValue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hami.GetAsync($"/campaigns/{shaanxiCampaign}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hami.PostFormAsync($"/campaigns/{shaanxiCampaign}/report", Complete("0"), $"/campaigns/{xinjiang2022}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hami.PostFormAsync($"/campaigns/{shaanxiCampaign}/report/withdraw", new Dictionary<string, string>(), $"/campaigns/{xinjiang2022}/report")).StatusCode);

        // Reviewers of another organisation: not found; of the owner: never a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await castReviewer.GetAsync($"/reports/{turpan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await castReviewer.PostFormAsync($"/reports/{turpan.Id}/approve", new Dictionary<string, string>(), "/reviews")).StatusCode);
        Assert.DoesNotContain($"href=\"/reports/{turpan.Id}\"", await castReviewer.GetStringAsync("/reviews?status="), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await xjReviewer.GetAsync($"/reports/{turpan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xjReviewer.GetAsync($"/reports/{changji.Id}")).StatusCode);
        var everything = await xjReviewer.GetStringAsync($"/reviews?status=&campaign={xinjiang2022}");
        Assert.Contains($"href=\"/reports/{turpan.Id}\"", everything, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/reports/{changji.Id}\"", everything, StringComparison.Ordinal);

        // Wrong role: forbidden.
        Assert.Equal(HttpStatusCode.Forbidden, (await hami.PostFormAsync($"/reports/{turpan.Id}/approve", new Dictionary<string, string>(), $"/campaigns/{xinjiang2022}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await xjReviewer.GetAsync($"/campaigns/{xinjiang2022}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hami.GetAsync("/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await xjReviewer.PostFormAsync($"/campaigns/{xinjiang2022}/extensions", new Dictionary<string, string> { ["organisationId"] = "1", ["deadline"] = "2022-06-30", ["reason"] = "x" }, "/reviews")).StatusCode);

        // Another organisation's organiser: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await sxOrganiser.GetAsync($"/campaigns/{xinjiang2022}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sxOrganiser.PostFormAsync($"/campaigns/{xinjiang2022}/extensions",
            new Dictionary<string, string> { ["organisationId"] = turpan.OrganisationId.ToString(), ["deadline"] = "2022-06-30", ["reason"] = "x" }, "/organiser")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sxOrganiser.PostFormAsync($"/reports/{turpan.Id}/reopen", new Dictionary<string, string> { ["reason"] = "x" }, "/organiser")).StatusCode);

        // Right role, wrong state: 409 with the reason.
        var approveAgain = await castReviewer.PostFormAsync($"/reports/{xinjiangReport.Id}/approve", new Dictionary<string, string>(), "/reviews");
        Assert.Equal(HttpStatusCode.Conflict, approveAgain.StatusCode);
        Assert.Contains("报告已审核通过，不能重复审核", await approveAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var editApproved = await xjOrganiser.PostFormAsync($"/campaigns/{national}/report", Complete(xinjiangReport.Version.ToString()), $"/campaigns/{national}/report");
        Assert.Equal(HttpStatusCode.Conflict, editApproved.StatusCode);
        var reopenSubmitted = await xjOrganiser.PostFormAsync($"/reports/{turpan.Id}/reopen", new Dictionary<string, string> { ["reason"] = "补充材料" }, "/organiser");
        Assert.Equal(HttpStatusCode.Conflict, reopenSubmitted.StatusCode);
        Assert.Equal(ReportStatus.Submitted, (await ReportAsync(factory, xinjiang2022, "吐鲁番市科学技术协会"))!.Status);
    }

    [Fact]
    public async Task Organiser_ReopensAnApprovedReport_WithAReason()
    {
        var campaignId = await CampaignIdAsync(factory);
        var urumqi = (await ReportAsync(factory, campaignId, "乌鲁木齐市科学技术协会"))!; // seeded: approved
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");

        var noReason = await organiser.PostFormAsync($"/reports/{urumqi.Id}/reopen", new Dictionary<string, string> { ["reason"] = "" }, $"/reports/{urumqi.Id}");
        Assert.Equal(ReportStatus.Approved, (await ReportAsync(factory, campaignId, "乌鲁木齐市科学技术协会"))!.Status);
        Assert.Contains("请填写重新打开的原因", await organiser.GetStringAsync($"/reports/{urumqi.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);

        var reopened = await organiser.PostFormAsync($"/reports/{urumqi.Id}/reopen", new Dictionary<string, string> { ["reason"] = "参与人数与活动登记不一致，请核对。" }, $"/reports/{urumqi.Id}");

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var report = (await ReportAsync(factory, campaignId, "乌鲁木齐市科学技术协会"))!;
        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.Equal("参与人数与活动登记不一致，请核对。", report.Events.Single(e => e.Kind == ReportEventKind.Reopened).Comment);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ReportReopened && e.EntityId == report.Id.ToString())));
    }

    [Fact]
    public async Task Organiser_ExtendsOneUnitsDeadline_WithAReason_BadDatesRefused()
    {
        var campaignId = await CampaignIdAsync(factory);
        var unit = await factory.OrganisationIdAsync("哈密市科学技术协会");
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        var page = $"/campaigns/{campaignId}/reports";
        Assert.Contains("哈密市科学技术协会", await organiser.GetStringAsync(page), StringComparison.Ordinal);

        foreach (var (deadline, reason, message) in new[]
        {
            ("2022-06-10", "疫情", "须晚于活动的报送截止日期"),
            ("2022-06-30", "", "请填写延期原因"),
            ("9999-01-01", "疫情", "2000 年至 2100 年之间"),
            ("", "疫情", "请填写延期后的截止日期"),
        })
        {
            await organiser.PostFormAsync($"/campaigns/{campaignId}/extensions",
                new Dictionary<string, string> { ["organisationId"] = unit.ToString(), ["deadline"] = deadline, ["reason"] = reason }, page);
            Assert.Contains(message, await organiser.GetStringAsync(page), StringComparison.Ordinal);
        }

        Assert.Null(await factory.WithDbAsync(db => db.Participants.Where(p => p.CampaignId == campaignId && p.OrganisationId == unit).Select(p => p.ExtendedDeadline).SingleAsync()));
        var ok = await organiser.PostFormAsync($"/campaigns/{campaignId}/extensions",
            new Dictionary<string, string> { ["organisationId"] = unit.ToString(), ["deadline"] = "2022-06-30", ["reason"] = "地区疫情防控" }, page);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(new DateOnly(2022, 6, 30), await factory.WithDbAsync(db => db.Participants.Where(p => p.CampaignId == campaignId && p.OrganisationId == unit).Select(p => p.ExtendedDeadline).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.DeadlineExtended && e.SubjectOrganisationId == unit)));
    }

    [Fact]
    public async Task CampaignWithReports_KeepsTheIndicatorCodesItsFiguresUse()
    {
        var national = await CampaignIdAsync(factory, NationalCampaign);
        using var organiser = await factory.SignedInAsync("cast.organiser@demo.local");
        var fields = CampaignSteps.CampaignFields(NationalCampaign, "2022-06-20");
        fields["Year"] = "2022";
        fields["PeriodStart"] = "2022-05-20";
        fields["PeriodEnd"] = "2022-06-10";

        var response = await organiser.PostFormAsync($"/campaigns/{national}/edit", fields, $"/campaigns/{national}/edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已有单位填报了这些统计指标，不能删除或修改其编码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == national).SelectMany(c => c.Indicators).AnyAsync(i => i.Code == "nominated")));
    }

    [Fact]
    public async Task RacingStateChanges_AnswerConflict_NeverAnError()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "阿克苏地区科学技术协会"; // seeded: submitted late, version 1
        var report = (await ReportAsync(factory, campaignId, unit))!;
        using var filer = await FilerAtAsync(unit);
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        var withdrawToken = await filer.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");
        var reviewToken = await reviewer.AntiforgeryTokenAsync($"/reports/{report.Id}");

        var responses = await Task.WhenAll(
            filer.PostFormWithoutTokenAsync($"/campaigns/{campaignId}/report/withdraw", new Dictionary<string, string> { ["__RequestVerificationToken"] = withdrawToken }),
            reviewer.PostFormWithoutTokenAsync($"/reports/{report.Id}/approve", new Dictionary<string, string> { ["number"] = "1", ["__RequestVerificationToken"] = reviewToken }),
            reviewer.PostFormWithoutTokenAsync($"/reports/{report.Id}/return", new Dictionary<string, string> { ["Number"] = "1", ["Comment"] = "补充", ["__RequestVerificationToken"] = reviewToken }));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task MalformedListIndexes_AreIgnored_NotAnError()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await FilerAtAsync("博尔塔拉蒙古自治州科学技术协会");
        var fields = new Dictionary<string, string> { ["Version"] = "abc", ["Sections.index"] = "zz", ["Figures.index"] = "zz", ["save"] = "1" };

        var response = await filer.PostFormAsync($"/campaigns/{campaignId}/report", fields, $"/campaigns/{campaignId}/report");
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        var turpan = (await ReportAsync(factory, campaignId, "吐鲁番市科学技术协会"))!;
        var returned = await reviewer.PostFormAsync($"/reports/{turpan.Id}/return",
            new Dictionary<string, string> { ["Number"] = "1", ["Comment"] = "", ["SectionComments.index"] = "zz" }, $"/reports/{turpan.Id}");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, response.StatusCode.ToString());
        Assert.True(returned.StatusCode == HttpStatusCode.OK, $"{returned.StatusCode} {await returned.Content.ReadAsStringAsync()}");
        Assert.Contains("退回时请填写修改意见", await returned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitFromAFormOvertakenByAColleaguesSubmit_IsRefused_NotTakenForADoubleClick()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "塔城地区科学技术协会"; // seeded: saved (version 1), then submitted (version 2)
        var report = (await ReportAsync(factory, campaignId, unit))!;
        Assert.Equal(ReportStatus.Submitted, report.Status);
        using var filer = await FilerAtAsync(unit);

        var overtaken = await SaveAsync(filer, campaignId, Complete((report.Version - 1).ToString(), "<p>过时的表单。</p>"), submit: true);
        var replayed = await SaveAsync(filer, campaignId, Complete((report.Version - 2).ToString()), submit: true);

        Assert.Equal(HttpStatusCode.Conflict, overtaken.StatusCode);
        Assert.Contains("报告已由他人提交", await overtaken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal(report.LatestVersionNumber, (await ReportAsync(factory, campaignId, unit))!.LatestVersionNumber);
    }

    [Fact]
    public async Task CampaignWithReports_KeepsTheSectionTitlesUnitsWroteUnder()
    {
        var national = await CampaignIdAsync(factory, NationalCampaign);
        var indicators = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == national).SelectMany(c => c.Indicators).OrderBy(i => i.Order)
            .Select(i => new { i.Code, i.Name, i.Unit, i.IsRequired, i.Group }).ToListAsync());
        using var organiser = await factory.SignedInAsync("cast.organiser@demo.local");
        var fields = CampaignSteps.CampaignFields(NationalCampaign, "2022-06-20");
        fields["Year"] = "2022";
        fields["PeriodStart"] = "2022-05-20";
        fields["PeriodEnd"] = "2022-06-10";
        fields["Indicators"] = string.Join("\n", indicators.Select(i => $"{i.Code}|{i.Name}|{i.Unit}|整数|{(i.IsRequired ? "必填" : "选填")}|{i.Group}"));
        fields["Sections"] = "基本情况||必填\n活动亮点||必填\n今后打算||选填";

        var response = await organiser.PostFormAsync($"/campaigns/{national}/edit", fields, $"/campaigns/{national}/edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已有单位在这些栏目下填写了报告，不能删除或改名：下一步工作", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The save accepts values up to 16 MB (more than the framework's default 4 MB); the control-character rule applies to them too.</summary>
    [Fact]
    public async Task LongSectionWithAControlCharacter_RefusedAsAShortOneIs()
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "博尔塔拉蒙古自治州科学技术协会";
        using var filer = await FilerAtAsync(unit);
        var before = (await ReportAsync(factory, campaignId, unit))?.Version;
        var fields = Complete(await VersionOnPageAsync(filer, campaignId), new string('a', 5 * 1024 * 1024) + "\u0007");

        var response = await SaveAsync(filer, campaignId, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不可见的控制字符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await ReportAsync(factory, campaignId, unit))?.Version);
    }

    [Theory]
    [InlineData(300 * 1024, "内容过长")]
    [InlineData(5 * 1024 * 1024, "内容过长")]
    public async Task OversizedOrDeeplyNestedSection_ClearMessage_NothingStored(int length, string message)
    {
        var campaignId = await CampaignIdAsync(factory);
        const string unit = "博尔塔拉蒙古自治州科学技术协会";
        using var filer = await FilerAtAsync(unit);
        var before = (await ReportAsync(factory, campaignId, unit))?.Version;
        var fields = Complete(await VersionOnPageAsync(filer, campaignId), string.Concat(Enumerable.Repeat("<b>", length / 3)));

        var response = await SaveAsync(filer, campaignId, fields);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await ReportAsync(factory, campaignId, unit))?.Version);
    }
}
