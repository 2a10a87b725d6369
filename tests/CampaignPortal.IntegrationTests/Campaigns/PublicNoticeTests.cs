using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Campaigns;

public sealed class PublicNoticeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SeedNotice_Xinjiang_PageShowsEveryField()
    {
        using var client = factory.CreatePortalClient();
        var id = await factory.WithDbAsync(db => db.Notices.Where(n => n.Title == "关于举办2023年自治区科技活动周的通知").Select(n => n.Id).SingleAsync());

        var html = await client.GetStringAsync($"/notices/{id}");

        foreach (var expected in new[]
        {
            "各地州市科技局、党委宣传部、科协,自治区科普工作联席会议各成员单位,自治区各新闻媒体,各有关单位：",
            "(国科函才〔2023〕65号)", "热爱科学\u2002崇尚科学", "三、有关要求", "自治区科学技术厅引进智力与人才服务处",
            "意则提、杨倩、杨青", "0991-3836587 &#x2002;3838217", "nckjfwzx2020@163.com", "乌鲁木齐市高新区(新市区)北京南路科学一街353号", "830011",
            "2023年自治区科技活动周开展情况统计表", "新疆维吾尔自治区科学技术厅", "中共新疆维吾尔自治区委员会宣传部", "新疆维吾尔自治区科学技术协会",
            "2023年5月4日", "发布日期：2023-05-04",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SeedNotice_Shaanxi_WorkPlanShownAfterNotice_DatesDiffer()
    {
        using var client = factory.CreatePortalClient();
        var id = await factory.WithDbAsync(db => db.Notices.Where(n => n.Title.StartsWith("关于印发《2020 年陕西省")).Select(n => n.Id).SingleAsync());

        var html = await client.GetStringAsync($"/notices/{id}");

        var notice = html.IndexOf("按照《中国科协 科技部关于开展", StringComparison.Ordinal);
        var plan = html.IndexOf("一、指导思想", StringComparison.Ordinal);
        Assert.True(notice > 0 && plan > notice, "The work plan must follow the notice.");
        Assert.Contains("附：", html, StringComparison.Ordinal);
        Assert.Contains("2020年5月12日", html, StringComparison.Ordinal);
        Assert.Contains("发布日期：2020-05-19", html, StringComparison.Ordinal);
        Assert.Contains("17.表彰“科学战疫 我在行动”科普文艺创作优秀作品。", html, StringComparison.Ordinal);
        Assert.Contains("sxkxbgs@163.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("— 3 —", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("科技活动周")]
    [InlineData("２０２３")]
    [InlineData("2023")]
    [InlineData("自治区科技厅")]
    [InlineData("2023 年 自治区")]
    public async Task Search_TitleNumberOrIssuer_FullAndHalfWidthAlike(string query)
    {
        using var client = factory.CreatePortalClient();

        var html = await client.GetStringAsync("/notices?q=" + Uri.EscapeDataString(query));

        Assert.Contains("关于举办2023年自治区科技活动周的通知", html, StringComparison.Ordinal);
        Assert.DoesNotContain("关于印发《2020 年陕西省", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_Download_IsAttachmentWithUtf8NameAndNosniff()
    {
        using var client = factory.CreatePortalClient();
        var noticeId = await factory.WithDbAsync(db => db.Notices.Where(n => n.Title == "关于举办2023年自治区科技活动周的通知").Select(n => n.Id).SingleAsync());
        var fileId = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Attachments).Select(a => a.StoredFileId).SingleAsync());

        var response = await client.GetAsync($"/notices/{noticeId}/attachments/{fileId}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("2023年自治区科技活动周开展情况统计表.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(sha, await factory.WithDbAsync(db => db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.Sha256).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/notices/{noticeId}/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task NoticeList_QueryCount_SameWith10And1000Notices_AndPage50Works()
    {
        using var client = factory.CreatePortalClient();
        await AddNoticesAsync(10);
        factory.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/notices")).StatusCode);
        var with10 = factory.Commands.Count;

        await AddNoticesAsync(990);
        factory.Commands.Reset();
        var first = await client.GetStringAsync("/notices");
        var with1000 = factory.Commands.Count;
        var last = await client.GetStringAsync("/notices?page=50");

        var listed = await factory.WithDbAsync(db => db.Notices.CountAsync(n => n.IsPublic && n.Status != NoticeStatus.Draft && n.AttachedToNoticeId == null));
        Assert.Equal(with10, with1000);
        Assert.True(listed >= 1000);
        Assert.Contains($"共 {listed:N0} 条", first, StringComparison.Ordinal);
        Assert.Contains("批量通知", last, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">50<", last, StringComparison.Ordinal);
    }

    private Task<int> AddNoticesAsync(int count) => factory.WithDbAsync(async db =>
    {
        var karamay = await db.Organisations.SingleAsync(o => o.Name == "克拉玛依市科学技术协会");
        var campaign = new Campaign(karamay.Id, 2025, $"批量活动{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        for (var i = 0; i < count; i++)
        {
            var notice = new Notice(campaign.Id, NoticeKind.Notice, $"批量通知{i}", DateTimeOffset.UtcNow);
            notice.Write(new NoticeContent(NoticeKind.Notice, notice.Title, null, null, null, "<p>正文</p>", null, null, null, null, true));
            notice.SetIssuers([karamay.Id], [karamay.Name]);
            notice.Publish(DateTimeOffset.UtcNow, new DateOnly(2025, 1, 1).AddDays(i % 300));
            db.Notices.Add(notice);
        }

        return await db.SaveChangesAsync();
    });
}
