using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Reports;

public sealed class BulkReviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task BulkApprove_ConfirmsTheList_ApprovesEach_SkipsReportsThatChangedMeanwhile()
    {
        var campaignId = await CampaignIdAsync(factory);
        var turpan = (await ReportAsync(factory, campaignId, "吐鲁番市科学技术协会"))!; // seeded: submitted
        var bayingol = (await ReportAsync(factory, campaignId, "巴音郭楞蒙古自治州科学技术协会"))!; // seeded: resubmitted, version 2
        var changji = (await ReportAsync(factory, campaignId, "昌吉回族自治州科学技术协会"))!; // seeded: draft
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        var queue = await reviewer.GetStringAsync("/reviews");
        Assert.Contains($"name=\"ids\" value=\"{turpan.Id}\"", queue, StringComparison.Ordinal);

        // The confirmation lists what will be approved, and nothing else (a draft id sent by hand is left out).
        var token = await reviewer.AntiforgeryTokenAsync("/reviews");
        using var confirmForm = new FormUrlEncodedContent(
        [
            new("ids", turpan.Id.ToString()), new("ids", bayingol.Id.ToString()), new("ids", changji.Id.ToString()), new("__RequestVerificationToken", token),
        ]);
        var confirm = await reviewer.Http.PostAsync(new Uri("/reviews/bulk-approve/confirm", UriKind.Relative), confirmForm);
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("确认通过这 2 份报告", confirmHtml, StringComparison.Ordinal);
        Assert.Contains($"value=\"{bayingol.Id}:2\"", confirmHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{changji.Id}:", confirmHtml, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, (await ReportAsync(factory, campaignId, "吐鲁番市科学技术协会"))!.Status); // confirming changes nothing

        // Meanwhile 吐鲁番 withdraws its report.
        await factory.CreateUserAsync("turpan.filer@test.local", organisation: "吐鲁番市科学技术协会");
        using (var filer = await factory.SignedInAsync("turpan.filer@test.local"))
        {
            var withdrawn = await filer.PostFormAsync($"/campaigns/{campaignId}/report/withdraw", new Dictionary<string, string>(), $"/campaigns/{campaignId}/report");
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using var approveForm = new FormUrlEncodedContent(
        [
            new("items", $"{turpan.Id}:1"), new("items", $"{bayingol.Id}:2"), new("comment", "同意。"), new("__RequestVerificationToken", token),
        ]);
        var result = await reviewer.Http.PostAsync(new Uri("/reviews/bulk-approve", UriKind.Relative), approveForm);

        var html = await result.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("已通过 <strong>1</strong> 份，1 份因状态已变化未处理", html, StringComparison.Ordinal);
        Assert.Contains("报告尚未提交（或已被填报单位撤回），不能审核。", html, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Approved, (await ReportAsync(factory, campaignId, "巴音郭楞蒙古自治州科学技术协会"))!.Status);
        Assert.Equal(ReportStatus.Draft, (await ReportAsync(factory, campaignId, "吐鲁番市科学技术协会"))!.Status);
        Assert.Equal("同意。", await factory.WithDbAsync(db => db.ReportVersions.Where(v => v.ReportId == bayingol.Id && v.Number == 2).Select(v => v.ReviewComment).SingleAsync()));
    }

    [Fact]
    public async Task BulkApprove_AnotherOrganisationsReport_NotNamed_NotApproved()
    {
        var campaignId = await CampaignIdAsync(factory);
        var urumqi = (await ReportAsync(factory, campaignId, "乌鲁木齐市科学技术协会"))!;
        using var cast = await factory.SignedInAsync("cast.reviewer@demo.local");
        var token = await cast.AntiforgeryTokenAsync("/reviews");
        using var form = new FormUrlEncodedContent([new("items", $"{urumqi.Id}:1"), new("__RequestVerificationToken", token)]);

        var response = await cast.Http.PostAsync(new Uri("/reviews/bulk-approve", UriKind.Relative), form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未找到该报告", html, StringComparison.Ordinal);
        Assert.DoesNotContain("乌鲁木齐", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportSteps.XinjiangCampaign, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ShowsWhatChangedSinceThePreviousVersion()
    {
        var campaignId = await CampaignIdAsync(factory);
        var bayingol = (await ReportAsync(factory, campaignId, "巴音郭楞蒙古自治州科学技术协会"))!; // version 2 added one paragraph to 活动亮点
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");

        var html = await reviewer.GetStringAsync($"/reports/{bayingol.Id}/versions/2");

        Assert.Contains("与第 1 版相比的修改", html, StringComparison.Ordinal);
        Assert.Contains("<br><ins>主题展于5月30日至6月5日在巴州科协科技馆举办，参观群众1200余人次。</ins>", html, StringComparison.Ordinal);
        Assert.Contains("未修改的栏目：基本情况", html, StringComparison.Ordinal);
        Assert.DoesNotContain("与第 0 版相比", await reviewer.GetStringAsync($"/reports/{bayingol.Id}/versions/1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_ReturnsTheNewVersion_ExpiredSession401_Submitted409()
    {
        var campaignId = await CampaignIdAsync(factory);
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        var token = await filer.AntiforgeryTokenAsync($"/campaigns/{campaignId}/report");
        var fields = Complete(await VersionOnPageAsync(filer, campaignId));
        fields["__RequestVerificationToken"] = token;
        async Task<HttpResponseMessage> AutosaveAsync(PortalClient client, Dictionary<string, string> form)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/campaigns/{campaignId}/report/autosave", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(form),
            };
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
            return await client.Http.SendAsync(request);
        }

        var first = await AutosaveAsync(filer, fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var version = json.GetProperty("version").GetInt32();
        Assert.Matches("^[0-2][0-9]:[0-5][0-9]$", json.GetProperty("savedAt").GetString());
        Assert.Equal(version, (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!.Version);

        // The next autosave carries the version it was given; a stale one is a conflict, a bad figure a message.
        fields["Version"] = version.ToString();
        fields["FilerName"] = "王芳芳";
        Assert.Equal(HttpStatusCode.OK, (await AutosaveAsync(filer, fields)).StatusCode);
        var stale = await AutosaveAsync(filer, fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("未自动保存", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields["Version"] = (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!.Version.ToString();
        fields["Figures[0].Value"] = "-1";
        var invalid = await AutosaveAsync(filer, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("不能填写负数", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signed out (the session expired): 401, not the sign-in page.
        using var anonymous = factory.CreatePortalClient();
        var expired = await AutosaveAsync(anonymous, fields);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("王芳芳", (await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!.FilerName);
    }
}
