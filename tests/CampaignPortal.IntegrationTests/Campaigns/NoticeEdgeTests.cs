using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Campaigns;

public sealed partial class NoticeEdgeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DemoCampaigns_SeedNoticesMadeTheirParticipants()
    {
        var counts = await factory.WithDbAsync(db => db.Campaigns
            .Select(c => new { c.Title, Count = c.Participants.Count }).ToDictionaryAsync(c => c.Title, c => c.Count));

        Assert.Equal(14, counts["2023年自治区科技活动周"]);
        Assert.Equal(7, counts["2020年陕西省“全国科技工作者日”活动"]);
    }

    [Fact]
    public async Task InternalWorkPlan_UnderPublicNotice_HiddenFromVisitors_AndDraftPlanFilesUnreachable()
    {
        var (noticeId, planId, fileId) = await factory.WithDbAsync(async db =>
        {
            var karamay = await db.Organisations.SingleAsync(o => o.Name == "克拉玛依市科学技术协会");
            var campaign = new Campaign(karamay.Id, 2026, "附件可见性测试", DateTimeOffset.UtcNow);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var notice = Published(campaign.Id, karamay, "公开的通知", isPublic: true);
            db.Notices.Add(notice);
            await db.SaveChangesAsync();
            var plan = new Notice(campaign.Id, NoticeKind.WorkPlan, "内部的工作方案", DateTimeOffset.UtcNow);
            plan.Write(new NoticeContent(NoticeKind.WorkPlan, plan.Title, null, null, null, "<p>内部方案正文</p>", null, null, null, null, false));
            plan.SetIssuers([karamay.Id], [karamay.Name]);
            plan.AttachTo(notice.Id);
            var file = new StoredFile(Guid.NewGuid(), "内部.pdf", "application/pdf", 1, new string('0', 64), "missing", karamay.Id, null, DateTimeOffset.UtcNow);
            db.StoredFiles.Add(file);
            plan.AddAttachment(file.Id, null);
            db.Notices.Add(plan);
            await db.SaveChangesAsync();
            return (notice.Id, plan.Id, file.Id);
        });
        using var anonymous = factory.CreatePortalClient();

        var page = await anonymous.GetStringAsync($"/notices/{noticeId}");
        var viaParent = await anonymous.GetAsync($"/notices/{noticeId}/attachments/{fileId}");
        var direct = await anonymous.GetAsync($"/notices/{planId}");

        Assert.DoesNotContain("内部方案正文", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, viaParent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
    }

    [Fact]
    public void RichText_WordStyleSheetScriptTextAndRelativeLinks_Removed()
    {
        var clean = new RichText().Sanitise(
            "<style>p.MsoNormal{mso-style-name:x}</style><script>alert(1)</script><p>正文<a href=\"//evil.example/x\">甲</a><a href=\"/relative\">乙</a><a href=\"http://www.xast.org.cn/\">丙</a></p>");

        Assert.DoesNotContain("mso", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("relative", clean, StringComparison.Ordinal);
        Assert.Contains("href=\"http://www.xast.org.cn/\"", clean, StringComparison.Ordinal);
        Assert.Contains("正文", clean, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/notices?year=0")]
    [InlineData("/notices?year=-1")]
    [InlineData("/notices?year=abc")]
    [InlineData("/notices?page=99999")]
    [InlineData("/notices?issuer=-5")]
    public async Task NoticeList_OddParameters_NoError(string path)
    {
        using var client = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void FileName_VeryLongExtension_Shortened()
    {
        var name = CampaignPortal.Web.Infrastructure.Files.FileService.CleanName("a." + new string('x', 300));

        Assert.Equal(255, name.Length);
    }

    [Fact]
    public async Task WithdrawnMainNotice_CorrectionBecomesMain_AndReusesTheNumber()
    {
        using var client = await factory.SignedInAsync("klmy.organiser@demo.local");
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        var created = await client.PostFormAsync("/campaigns/create", new Dictionary<string, string>
        {
            ["Year"] = "2026",
            ["Title"] = "更正测试活动",
            ["PeriodStart"] = "2026-05-01",
            ["PeriodEnd"] = "2026-05-31",
            ["ReportDeadline"] = "2026-06-10",
        }, "/campaigns/create");
        var campaignId = Redirects.CreatedId(created);
        var first = await NoticeAsync(client, campaignId, "原通知", karamay, ["County"]);
        await client.PostFormAsync($"/notices/{first}/publish", new Dictionary<string, string>(), $"/notices/{first}/publish");
        await client.PostFormAsync($"/notices/{first}/withdraw", new Dictionary<string, string> { ["reason"] = "漏了主送单位" }, $"/notices/{first}/withdraw");

        var second = await NoticeAsync(client, campaignId, "更正后的通知", karamay, ["County"]);
        var publish = await client.PostFormAsync($"/notices/{second}/publish", new Dictionary<string, string> { ["publicationDate"] = "2026-05-02" }, $"/notices/{second}/publish");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var notice = await factory.WithDbAsync(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == second));
        Assert.True(notice.IsMain);
        Assert.Equal(new DateOnly(2026, 5, 2), notice.PublicationDate);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CampaignId == campaignId)));
        var upload = await client.PostFileAsync($"/notices/{first}/attachments", $"/notices/{second}", "x.pdf", "%PDF-1.4"u8.ToArray());
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheRequestLimit_ClearMessageNothingStored()
    {
        using var client = await factory.SignedInAsync("klmy.organiser@demo.local");
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        var created = await client.PostFormAsync("/campaigns/create", new Dictionary<string, string>
        {
            ["Year"] = "2026",
            ["Title"] = "超大附件测试活动",
            ["PeriodStart"] = "2026-05-01",
            ["PeriodEnd"] = "2026-05-31",
            ["ReportDeadline"] = "2026-06-10",
        }, "/campaigns/create");
        var campaignId = Redirects.CreatedId(created);
        var noticeId = await NoticeAsync(client, campaignId, "超大附件通知", karamay, ["County"]);
        var pdf = new byte[52 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(pdf);

        var response = await client.PostFileAsync($"/notices/{noticeId}/attachments", $"/notices/{noticeId}/edit", "大文件.pdf", pdf);
        var page = await client.GetStringAsync($"/notices/{noticeId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("文件超过 50 MB 的上限，未上传", page, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Attachments).AnyAsync()));
    }

    private static async Task<int> NoticeAsync(PortalClient client, int campaignId, string title, int issuer, string[] kinds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Notice",
            ["Title"] = title,
            ["DocumentNumber"] = "克科协发〔2026〕9号",
            ["IssuerIds[0]"] = issuer.ToString(),
            ["Body"] = "正文",
            ["IsPublic"] = "true",
        };
        for (var i = 0; i < kinds.Length; i++)
        {
            fields[$"MainAddresseeKinds[{i}]"] = kinds[i];
        }

        var response = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", fields, $"/campaigns/{campaignId}/notices/create");
        return Redirects.CreatedId(response);
    }

    private static Notice Published(int campaignId, Organisation issuer, string title, bool isPublic)
    {
        var notice = new Notice(campaignId, NoticeKind.Notice, title, DateTimeOffset.UtcNow);
        notice.Write(new NoticeContent(NoticeKind.Notice, title, null, null, null, "<p>正文</p>", null, null, null, null, isPublic));
        notice.SetIssuers([issuer.Id], [issuer.Name]);
        notice.Publish(DateTimeOffset.UtcNow, new DateOnly(2026, 5, 1));
        return notice;
    }

}
