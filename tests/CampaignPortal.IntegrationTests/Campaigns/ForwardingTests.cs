using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Campaigns;

public sealed partial class ForwardingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Forward_DownTwoLevels_InheritsIndicators_RefusesLaterDeadline_ParentSeesTheTree()
    {
        using var cast = await factory.SignedInAsync("cast.organiser@demo.local");
        var national = await CampaignAsync(cast, "2026年全国科技工作者日", "2026-06-20");
        var nationalNotice = await NoticeAsync(cast, national, "关于开展2026年全国科技工作者日活动的通知", await factory.OrganisationIdAsync("中国科学技术协会"), "Provincial");
        await Publish(cast, nationalNotice);

        using var xj = await factory.SignedInAsync("xj.organiser@demo.local");
        Assert.Contains("转发给下级单位", await xj.GetStringAsync("/organiser"), StringComparison.Ordinal);
        var late = await xj.PostFormAsync($"/campaigns/{national}/forward", new Dictionary<string, string> { ["Title"] = "晚了", ["ReportDeadline"] = "2026-06-25" }, $"/campaigns/{national}/forward");
        var forwarded = await xj.PostFormAsync($"/campaigns/{national}/forward", new Dictionary<string, string> { ["Title"] = "2026年自治区全国科技工作者日", ["ReportDeadline"] = "2026-06-15" }, $"/campaigns/{national}/forward");

        Assert.Contains("不能晚于上级活动的截止日期", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        var xjNotice = Redirects.CreatedId(forwarded);
        var child = await factory.WithDbAsync(db => db.Campaigns.Include(c => c.Indicators).AsNoTracking().SingleAsync(c => c.Title == "2026年自治区全国科技工作者日"));
        var parent = await factory.WithDbAsync(db => db.Campaigns.Include(c => c.Indicators).AsNoTracking().SingleAsync(c => c.Id == national));
        Assert.Equal(national, child.ParentCampaignId);
        Assert.Equal(parent.Indicators.OrderBy(i => i.Order).Select(i => i.Code), child.Indicators.OrderBy(i => i.Order).Select(i => i.Code));
        Assert.Equal(new DateOnly(2026, 6, 15), child.ReportDeadline);
        var basis = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == xjNotice).SelectMany(n => n.Bases).SingleAsync());
        Assert.Equal(nationalNotice, basis.LinkedNoticeId);

        var dropped = await xj.PostFormAsync($"/campaigns/{child.Id}/edit", new Dictionary<string, string>
        {
            ["Year"] = "2026",
            ["Title"] = child.Title,
            ["PeriodStart"] = "2026-05-20",
            ["PeriodEnd"] = "2026-06-05",
            ["ReportDeadline"] = "2026-06-15",
            ["Indicators"] = "activities|举办活动|次\nextra|新增指标|个",
        }, $"/campaigns/{child.Id}/edit");
        Assert.Contains("不能删除上级活动的指标", await dropped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Second level: Xinjiang publishes to its prefectures, Karamay forwards to its districts.
        var edit = await xj.GetStringAsync($"/notices/{xjNotice}/edit");
        Assert.Contains("关于转发《关于开展2026年全国科技工作者日活动的通知》的通知", edit, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Notice",
            ["Title"] = "关于转发《关于开展2026年全国科技工作者日活动的通知》的通知",
            ["IssuerIds[0]"] = (await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会")).ToString(),
            ["Body"] = "现转发给你们。",
            ["IsPublic"] = "true",
            ["MainAddresseeKinds[0]"] = "Prefecture",
            ["Bases"] = "关于开展2026年全国科技工作者日活动的通知",
        };
        await xj.PostFormAsync($"/notices/{xjNotice}/edit", fields, $"/notices/{xjNotice}/edit");
        await Publish(xj, xjNotice);
        using var klmy = await factory.SignedInAsync("klmy.organiser@demo.local");
        var second = await klmy.PostFormAsync($"/campaigns/{child.Id}/forward", new Dictionary<string, string> { ["Title"] = "2026年克拉玛依市全国科技工作者日", ["ReportDeadline"] = "2026-06-10" }, $"/campaigns/{child.Id}/forward");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var tree = await cast.GetStringAsync($"/campaigns/{national}");
        Assert.Contains("下级转发情况（2）", tree, StringComparison.Ordinal);
        Assert.True(tree.IndexOf("2026年自治区全国科技工作者日", StringComparison.Ordinal) < tree.IndexOf("2026年克拉玛依市全国科技工作者日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forward_CampaignOneDoesNotTakePartIn_NotFound()
    {
        var shaanxiCampaign = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "2020年陕西省“全国科技工作者日”活动").Select(c => c.Id).SingleAsync());
        using var xj = await factory.SignedInAsync("xj.organiser@demo.local");
        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await xj.GetAsync($"/campaigns/{shaanxiCampaign}/forward")).StatusCode);
        var post = await xj.PostFormAsync($"/campaigns/{shaanxiCampaign}/forward", new Dictionary<string, string> { ["Title"] = "x", ["ReportDeadline"] = "2020-06-01" }, "/organiser");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync($"/campaigns/{shaanxiCampaign}/forward")).StatusCode);
    }

    [Fact]
    public async Task CopyFromLastYear_DraftCampaignAndNotice_DatesMovedByAYear()
    {
        var source = await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "2020年陕西省“全国科技工作者日”活动").Select(c => c.Id).SingleAsync());
        using var other = await factory.SignedInAsync("xj.organiser@demo.local");
        using var sx = await factory.SignedInAsync("sx.organiser@demo.local");

        var denied = await other.PostFormAsync($"/campaigns/{source}/copy", new Dictionary<string, string>(), "/organiser");
        var copied = await sx.PostFormAsync($"/campaigns/{source}/copy", new Dictionary<string, string>(), $"/campaigns/{source}");

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var id = Redirects.CreatedId(copied);
        var copy = await factory.WithDbAsync(db => db.Campaigns.Include(c => c.Categories).Include(c => c.Indicators).AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("2021年陕西省“全国科技工作者日”活动", copy.Title);
        Assert.Equal(CampaignStatus.Draft, copy.Status);
        Assert.Equal(new DateOnly(2021, 6, 10), copy.ReportDeadline);
        Assert.Equal(["团结引领", "建家办事", "为民服务", "开放合作", "表彰发布"], copy.Categories.OrderBy(c => c.Order).Select(c => c.Name));
        Assert.Equal(8, copy.Indicators.Count);
        var notice = await factory.WithDbAsync(db => db.Notices.Include(n => n.Addressees).AsNoTracking().SingleAsync(n => n.CampaignId == id));
        Assert.Equal("关于印发《2021 年陕西省“全国科技工作者日”活动工作方案》的通知", notice.Title);
        Assert.Equal(NoticeStatus.Draft, notice.Status);
        Assert.True(notice.IsMain);
        Assert.Equal(7, notice.Addressees.Count);
        Assert.Contains("2021 年", notice.BodyHtml, StringComparison.Ordinal);
    }

    private static async Task<int> CampaignAsync(PortalClient client, string title, string deadline)
    {
        var response = await client.PostFormAsync("/campaigns/create", new Dictionary<string, string>
        {
            ["Year"] = "2026",
            ["Title"] = title,
            ["PeriodStart"] = "2026-05-20",
            ["PeriodEnd"] = "2026-06-05",
            ["ReportDeadline"] = deadline,
            ["Indicators"] = "activities|举办活动|次\nparticipants|参与人数|人次",
        }, "/campaigns/create");
        return Redirects.CreatedId(response);
    }

    private static async Task<int> NoticeAsync(PortalClient client, int campaignId, string title, int issuer, string kind)
    {
        var response = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", new Dictionary<string, string>
        {
            ["Kind"] = "Notice",
            ["Title"] = title,
            ["IssuerIds[0]"] = issuer.ToString(),
            ["Body"] = "正文",
            ["IsPublic"] = "true",
            ["MainAddresseeKinds[0]"] = kind,
        }, $"/campaigns/{campaignId}/notices/create");
        return Redirects.CreatedId(response);
    }

    private static async Task Publish(PortalClient client, int noticeId)
    {
        var response = await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

}
