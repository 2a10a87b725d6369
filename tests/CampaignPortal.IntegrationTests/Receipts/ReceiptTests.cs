using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Receipts;

public sealed class ReceiptTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> XinjiangNoticeAsync() =>
        factory.WithDbAsync(db => db.Notices.Where(n => n.Title == "关于举办2023年自治区科技活动周的通知").Select(n => n.Id).SingleAsync());

    [Fact]
    public async Task AddresseeOpens_MarkedRead_ThenAcknowledges_OrganiserSeesIt()
    {
        var noticeId = await XinjiangNoticeAsync();
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");

        var home = await filer.GetStringAsync("/");
        var page = await filer.GetStringAsync($"/notices/{noticeId}");
        var read = await factory.WithDbAsync(db => db.NoticeReceipts.AsNoTracking().SingleAsync(r => r.NoticeId == noticeId && r.OrganisationId == karamay));
        var ack = await filer.PostFormAsync($"/notices/{noticeId}/acknowledge", new Dictionary<string, string>(), $"/notices/{noticeId}");
        var after = await filer.GetStringAsync("/");

        Assert.Contains("id=\"pending-heading\"", home, StringComparison.Ordinal);
        Assert.Contains("请阅读后签收", page, StringComparison.Ordinal);
        Assert.NotNull(read.ReadAt);
        Assert.Null(read.AcknowledgedAt);
        Assert.Equal("klmy.filer@demo.local", read.ReadBy);
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.DoesNotContain("id=\"pending-heading\"", after, StringComparison.Ordinal);
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        var grid = await organiser.GetStringAsync($"/notices/{noticeId}/receipts");
        Assert.Matches("已签收 [1-9]", grid);
        Assert.Contains("klmy.filer@demo.local", grid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_InParallelAndTwice_OneReceipt()
    {
        var noticeId = await XinjiangNoticeAsync();
        var turpan = await factory.OrganisationIdAsync("吐鲁番市科学技术协会");
        await factory.CreateUserAsync("tlf1@test.local", organisation: "吐鲁番市科学技术协会");
        await factory.CreateUserAsync("tlf2@test.local", organisation: "吐鲁番市科学技术协会");
        using var a = await factory.SignedInAsync("tlf1@test.local");
        using var b = await factory.SignedInAsync("tlf2@test.local");
        var tokenA = await a.AntiforgeryTokenAsync("/account/change-password");
        var tokenB = await b.AntiforgeryTokenAsync("/account/change-password");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? a : b).PostFormWithoutTokenAsync($"/notices/{noticeId}/acknowledge",
                new Dictionary<string, string> { ["__RequestVerificationToken"] = i % 2 == 0 ? tokenA : tokenB })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var receipts = await factory.WithDbAsync(db => db.NoticeReceipts.Where(r => r.NoticeId == noticeId && r.OrganisationId == turpan).ToListAsync());
        Assert.Single(receipts);
        Assert.NotNull(receipts[0].AcknowledgedAt);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.SubjectOrganisationId == turpan && e.Action == CampaignPortal.Web.Domain.AuditAction.NoticeAcknowledged)));
    }

    [Fact]
    public async Task OnBehalf_ByOrganiserWithNote_ByFilerForbidden_NotAddressed404()
    {
        var noticeId = await XinjiangNoticeAsync();
        var altay = await factory.OrganisationIdAsync("阿勒泰地区科学技术协会");
        using var filer = await factory.SignedInAsync("klmy.filer@demo.local");
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");

        var byFiler = await filer.PostFormAsync($"/notices/{noticeId}/receipts/{altay}", new Dictionary<string, string> { ["note"] = "电话确认" }, "/");
        var noNote = await organiser.PostFormAsync($"/notices/{noticeId}/receipts/{altay}", new Dictionary<string, string> { ["note"] = "" }, $"/notices/{noticeId}/receipts");
        var noneYet = await factory.WithDbAsync(db => db.NoticeReceipts.AnyAsync(r => r.NoticeId == noticeId && r.OrganisationId == altay && r.AcknowledgedAt != null));
        var ok = await organiser.PostFormAsync($"/notices/{noticeId}/receipts/{altay}", new Dictionary<string, string> { ["note"] = "电话确认" }, $"/notices/{noticeId}/receipts");
        var notAddressed = await shaanxi.PostFormAsync($"/notices/{noticeId}/acknowledge", new Dictionary<string, string>(), "/");
        var otherGrid = await shaanxi.GetAsync($"/notices/{noticeId}/receipts");

        Assert.Equal(HttpStatusCode.Forbidden, byFiler.StatusCode);
        Assert.False(noneYet);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var receipt = await factory.WithDbAsync(db => db.NoticeReceipts.AsNoTracking().SingleAsync(r => r.NoticeId == noticeId && r.OrganisationId == altay));
        Assert.True(receipt.OnBehalf);
        Assert.Equal("电话确认", receipt.Note);
        Assert.Equal(HttpStatusCode.NotFound, notAddressed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherGrid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noNote.StatusCode);
    }

    [Fact]
    public async Task Anonymous_OrNonAddressee_Opening_LeavesNoReceipt()
    {
        var noticeId = await XinjiangNoticeAsync();
        var before = await factory.WithDbAsync(db => db.NoticeReceipts.CountAsync(r => r.NoticeId == noticeId));
        using var anonymous = factory.CreatePortalClient();
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");

        await anonymous.GetStringAsync($"/notices/{noticeId}");
        var page = await shaanxi.GetStringAsync($"/notices/{noticeId}");

        Assert.DoesNotContain("请阅读后签收", page, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.NoticeReceipts.CountAsync(r => r.NoticeId == noticeId)));
    }
}
