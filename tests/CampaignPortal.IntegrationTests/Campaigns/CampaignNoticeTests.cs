using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static CampaignPortal.IntegrationTests.Infrastructure.CampaignSteps;

namespace CampaignPortal.IntegrationTests.Campaigns;

public sealed partial class CampaignNoticeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Organiser = "klmy.organiser@demo.local";

    [Fact]
    public async Task Organiser_CreatesCampaignAndNotice_PublishMakesMainAddresseesParticipants()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "2026年克拉玛依市科技活动周");
        var counties = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Parent!.Name == "克拉玛依市科学技术协会").Select(o => o.Id).ToListAsync());
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");

        var noticeId = await CreateNoticeAsync(client, campaignId, "关于举办2026年克拉玛依市科技活动周的通知", karamay, mainKinds: ["County"]);
        var publish = await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var participants = await factory.WithDbAsync(db => db.Participants.Where(p => p.CampaignId == campaignId).Select(p => p.OrganisationId).ToListAsync());
        Assert.Equal(counties.Order(), participants.Order());
        var campaign = await factory.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.Equal(CampaignStatus.Published, campaign.Status);
        using var anonymous = factory.CreatePortalClient();
        var page = await anonymous.GetStringAsync($"/notices/{noticeId}");
        Assert.Contains("关于举办2026年克拉玛依市科技活动周的通知", page, StringComparison.Ordinal);
        Assert.Contains("克拉玛依市科学技术协会", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_PublishedCampaign_ThenChangesAre409()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "结束测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "结束测试通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);
        var draftClose = await client.PostFormAsync($"/campaigns/{campaignId}/close", new Dictionary<string, string>(), $"/campaigns/{campaignId}/close");
        await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");

        var closed = await client.PostFormAsync($"/campaigns/{campaignId}/close", new Dictionary<string, string>(), $"/campaigns/{campaignId}/close");
        var edit = await client.PostFormAsync($"/campaigns/{campaignId}/edit", CampaignFields("结束后改名"), $"/campaigns/{campaignId}");

        Assert.Equal(HttpStatusCode.Conflict, draftClose.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("活动已结束", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Closed, await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Publish_WithoutMainAddressee_RefusedWithMessage()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "无主送测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "无主送的通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), mainKinds: []);

        var publish = await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("发布前请选择主送单位", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.Draft, await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Body_ScriptAndHandlersStripped_RestKept()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "富文本测试活动");
        var body = "<p class=\"MsoNormal\" style=\"mso-line-height:1\" onclick=\"alert(1)\"><strong>一、时间</strong></p><script>alert(2)</script>"
            + "<p><a href=\"javascript:alert(3)\">点我</a> <a href=\"https://www.cast.org.cn/\">中国科协</a><img src=\"data:image/png;base64,AAAA\"></p>"
            + "<table><tr><td>展板</td><td>150余幅</td></tr></table>";

        var noticeId = await CreateNoticeAsync(client, campaignId, "富文本通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"], body);

        var stored = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.BodyHtml).SingleAsync());
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mso-", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>一、时间</strong>", stored, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.cast.org.cn/\"", stored, StringComparison.Ordinal);
        Assert.Contains("<td>150余幅</td>", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_Over200KB_ClearMessageNothingStored()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "超长正文测试活动");

        var response = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create",
            NoticeFields("超长正文", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), [], new string('字', 70_000)), $"/campaigns/{campaignId}/notices/create");

        Assert.Contains("正文超过 200 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Notices.AnyAsync(n => n.Title == "超长正文")));
    }

    [Theory]
    [InlineData("Title", "标", 201, "标题不能超过 200 个字")]
    public async Task Notice_TitleTooLong_Refused(string field, string character, int length, string message)
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "标题长度测试活动");
        var fields = NoticeFields("x", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), []);
        fields[field] = string.Concat(Enumerable.Repeat(character, length));

        var response = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", fields, $"/campaigns/{campaignId}/notices/create");

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_DeadlineBeforePeriod_Refused()
    {
        using var client = await factory.SignedInAsync(Organiser);

        var response = await client.PostFormAsync("/campaigns/create", CampaignFields("日期测试", deadline: "2026-04-01"), "/campaigns/create");

        Assert.Contains("报送截止日期不能早于活动开始日期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOrganisationsDraft_NotFound_FilerAndReviewerForbidden()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "他人草稿测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "克拉玛依的草稿", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);

        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");
        foreach (var path in new[] { $"/campaigns/{campaignId}", $"/campaigns/{campaignId}/edit", $"/campaigns/{campaignId}/notices/create", $"/notices/{noticeId}", $"/notices/{noticeId}/edit", $"/notices/{noticeId}/publish" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync(path)).StatusCode);
        }

        var post = await shaanxi.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), "/organiser");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var anonymous = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{noticeId}")).StatusCode);

        foreach (var account in new[] { "klmy.filer@demo.local", "xj.reviewer@demo.local" })
        {
            using var other = await factory.SignedInAsync(account);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/campaigns/create")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/campaigns/{campaignId}/notices/create")).StatusCode);
        }
    }

    [Fact]
    public async Task InternalNotice_AnonymousAndUnrelated404_AddresseeReads()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "内部通知测试活动");
        var fields = NoticeFields("内部通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);
        fields["IsPublic"] = "false";
        var created = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", fields, $"/campaigns/{campaignId}/notices/create");
        var noticeId = Redirects.CreatedId(created);
        await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");
        await factory.CreateUserAsync("dsz.filer@test.local", organisation: "独山子区科学技术协会");

        using var anonymous = factory.CreatePortalClient();
        using var hami = await factory.SignedInAsync("hami.filer@demo.local");
        using var addressee = await factory.SignedInAsync("dsz.filer@test.local");

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{noticeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hami.GetAsync($"/notices/{noticeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await addressee.GetAsync($"/notices/{noticeId}")).StatusCode);
        Assert.DoesNotContain("内部通知", await anonymous.GetStringAsync("/notices"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_PublicPageSaysWhy()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "撤回测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "将被撤回的通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);
        await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");

        var empty = await client.PostFormAsync($"/notices/{noticeId}/withdraw", new Dictionary<string, string> { ["reason"] = " " }, $"/notices/{noticeId}/withdraw");
        var withdrawn = await client.PostFormAsync($"/notices/{noticeId}/withdraw", new Dictionary<string, string> { ["reason"] = "活动时间调整，另行通知" }, $"/notices/{noticeId}/withdraw");

        Assert.Contains("请填写撤回原因", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        using var anonymous = factory.CreatePortalClient();
        var page = await anonymous.GetStringAsync($"/notices/{noticeId}");
        Assert.Contains("该通知已撤回", page, StringComparison.Ordinal);
        Assert.Contains("活动时间调整，另行通知", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatisticsTable_GeneratedFromIndicators_ReadsBack()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "统计表测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "带统计表的通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);

        await client.PostFormAsync($"/notices/{noticeId}/attachments/statistics", new Dictionary<string, string>(), $"/notices/{noticeId}/edit");
        var edit = await client.GetStringAsync($"/notices/{noticeId}/edit");
        var link = Regex.Match(edit, $"href=\"(/notices/{noticeId}/attachments/[0-9a-f-]+)\"").Groups[1].Value;
        var bytes = await (await client.GetAsync(link)).Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true, sheetName: "统计表").Cast<IDictionary<string, object>>().ToList();

        Assert.Contains("统计表测试活动开展情况统计表", edit, StringComparison.Ordinal);
        Assert.Equal(8, rows.Count);
        Assert.Equal("举办活动（必填）", rows[0]["统计指标"]);
        Assert.Equal("次", rows[0]["单位"]);
        Assert.Equal("发放资料", rows[3]["分组"]);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "%PDF-1.4 x", "passwd.pdf", null)]
    [InlineData("报告.pdf.exe", "MZ", null, "不支持")]
    [InlineData("总结 .docx ", "PK\u0003\u0004", "总结 .docx", null)]
    [InlineData("假的.pdf", "PK\u0003\u0004", null, "与扩展名不符")]
    [InlineData("照片.jpg", "GIF89a", null, "与扩展名不符")]
    public async Task Attachment_NamesAndContentChecked(string name, string content, string? storedName, string? error)
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, $"附件测试活动{Guid.NewGuid():N}"[..12]);
        var noticeId = await CreateNoticeAsync(client, campaignId, "附件通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);

        var response = await client.PostFileAsync($"/notices/{noticeId}/attachments", $"/notices/{noticeId}/edit", name, System.Text.Encoding.Latin1.GetBytes(content));
        var page = await client.GetStringAsync($"/notices/{noticeId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var names = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Attachments).Select(a => a.File!.OriginalName).ToListAsync());
        if (storedName is null)
        {
            Assert.Empty(names);
            Assert.Contains(error!, page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal([storedName], names);
        }
    }

    [Fact]
    public async Task Attachment_OverLongName_Shortened_OverTypeLimit_ClearMessage()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "附件长度测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "附件长度通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);
        var longName = new string('长', 300) + ".pdf";
        var png = new byte[21 * 1024 * 1024];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);

        await client.PostFileAsync($"/notices/{noticeId}/attachments", $"/notices/{noticeId}/edit", longName, "%PDF-1.4"u8.ToArray());
        await client.PostFileAsync($"/notices/{noticeId}/attachments", $"/notices/{noticeId}/edit", "大图.png", png);
        var page = await client.GetStringAsync($"/notices/{noticeId}/edit");

        var names = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Attachments).Select(a => a.File!.OriginalName).ToListAsync());
        Assert.Single(names);
        Assert.Equal(255, names[0].Length);
        Assert.EndsWith(".pdf", names[0], StringComparison.Ordinal);
        Assert.Contains("超过了PNG 图片的大小上限 20 MB", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DocumentNumberUsedByLeadIssuer_Refused()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "文号测试活动");
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        var fields = NoticeFields("第一份", karamay, ["County"]);
        fields["DocumentNumber"] = "克科协发〔2026〕8号";
        var first = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", fields, $"/campaigns/{campaignId}/notices/create");
        var firstId = Redirects.CreatedId(first);
        await client.PostFormAsync($"/notices/{firstId}/publish", new Dictionary<string, string>(), $"/notices/{firstId}/publish");
        fields["Title"] = "第二份";
        var second = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", fields, $"/campaigns/{campaignId}/notices/create");
        var secondId = Redirects.CreatedId(second);

        var publish = await client.PostFormAsync($"/notices/{secondId}/publish", new Dictionary<string, string>(), $"/notices/{secondId}/publish");

        Assert.Contains("已被本单位另一份已发布的通知使用", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.Draft, await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == secondId).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task AnotherOrganisationsOrganiser_EveryWrite_NotFoundAndNothingChanged()
    {
        using var client = await factory.SignedInAsync(Organiser);
        var campaignId = await CreateCampaignAsync(client, "越权写入测试活动");
        var noticeId = await CreateNoticeAsync(client, campaignId, "越权写入测试通知", await factory.OrganisationIdAsync("克拉玛依市科学技术协会"), ["County"]);
        await client.PostFormAsync($"/notices/{noticeId}/attachments/statistics", new Dictionary<string, string>(), $"/notices/{noticeId}/edit");
        var fileId = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Attachments).Select(a => a.StoredFileId).SingleAsync());
        var hami = await factory.OrganisationIdAsync("哈密市科学技术协会");
        using var other = await factory.SignedInAsync("xj.organiser@demo.local");

        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ($"/campaigns/{campaignId}/edit", CampaignFields("被改名")),
            ($"/campaigns/{campaignId}/participants", new() { ["organisationIds[0]"] = hami.ToString() }),
            ($"/campaigns/{campaignId}/notices/create", NoticeFields("插入的通知", hami, [])),
            ($"/notices/{noticeId}/edit", NoticeFields("被改的通知", hami, [])),
            ($"/notices/{noticeId}/attachments/statistics", new()),
            ($"/notices/{noticeId}/attachments/{fileId}/remove", new()),
            ($"/notices/{noticeId}/publish", new()),
            ($"/notices/{noticeId}/withdraw", new() { ["reason"] = "越权" }),
        };
        foreach (var (path, fields) in posts)
        {
            var response = await other.PostFormAsync(path, fields, "/organiser");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        var notice = await factory.WithDbAsync(db => db.Notices.Include(n => n.Attachments).AsNoTracking().SingleAsync(n => n.Id == noticeId));
        Assert.Equal("越权写入测试通知", notice.Title);
        Assert.Equal(NoticeStatus.Draft, notice.Status);
        Assert.Single(notice.Attachments);
        Assert.False(await factory.WithDbAsync(db => db.Participants.AnyAsync(p => p.CampaignId == campaignId)));
        Assert.Equal("越权写入测试活动", await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync()));
    }
}
