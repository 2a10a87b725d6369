using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.CampaignSteps;

namespace CampaignPortal.IntegrationTests.Campaigns;

public sealed class RevisionAndNotificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Organiser = "xj.organiser@demo.local";

    private Task<int> UnreadAsync(string email, string link) => factory.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.Link == link && n.ReadAt == null);
    });

    [Fact]
    public async Task Publish_NotifiesEveryEnabledAccountOfTheAddressees_AndTheBellCountsThem()
    {
        using var organiser = await factory.SignedInAsync(Organiser);
        var xinjiang = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        await factory.CreateUserAsync("hm.disabled@test.local", organisation: "哈密市科学技术协会");
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "hm.disabled@test.local");
            user.Disable();
            return await db.SaveChangesAsync();
        });
        using var hami = await factory.SignedInAsync("hami.filer@demo.local");
        var bellBefore = await hami.GetStringAsync("/");

        var noticeId = await PublishedNoticeAsync(organiser, xinjiang, "关于开展消息提醒测试的通知", ["Prefecture"]);

        var link = $"/notices/{noticeId}";
        var expected = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Organisation!.ParentId == xinjiang
            && u.Organisation.Kind == OrganisationKind.Prefecture && !u.IsDisabled));
        var sent = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == link).Select(n => n.UserId).ToListAsync());
        Assert.Equal(expected, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.DoesNotContain(await factory.UserIdAsync("hm.disabled@test.local"), sent);
        Assert.DoesNotContain(await factory.UserIdAsync("sx.organiser@demo.local"), sent);
        Assert.DoesNotContain(await factory.UserIdAsync(Organiser), sent);
        var bellAfter = await hami.GetStringAsync("/");
        Assert.Equal(Unread(bellBefore) + 1, Unread(bellAfter));
        var list = await hami.GetStringAsync("/notifications");
        Assert.Contains("发布了通知《关于开展消息提醒测试的通知》", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revise_KeepsEveryRevisionInOrder_ShowsTheLatestAndTheList_AndNotifiesAgain()
    {
        using var organiser = await factory.SignedInAsync(Organiser);
        var xinjiang = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        var noticeId = await PublishedNoticeAsync(organiser, xinjiang, "关于修订测试的通知", ["Prefecture"]);

        var first = await organiser.PostFormAsync($"/notices/{noticeId}/revise", Revision("关于修订测试的通知", "一、报送时间为6月15日前", "截止时间调整为6月15日"), $"/notices/{noticeId}/revise");
        var second = await organiser.PostFormAsync($"/notices/{noticeId}/revise", Revision("关于修订测试的通知（更正）", "一、报送时间为6月15日前\n二、联系人：王芳", "补充联系人"), $"/notices/{noticeId}/revise");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var revisions = await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Revisions)
            .OrderBy(r => r.RevisedAt).ThenBy(r => r.Id).Select(r => new { r.Number, r.ChangeNote, r.Title, r.BodyHtml }).ToListAsync());
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal([null, "截止时间调整为6月15日", "补充联系人"], revisions.Select(r => r.ChangeNote));
        Assert.Equal("关于修订测试的通知", revisions[0].Title);
        Assert.Contains("二、活动内容", revisions[0].BodyHtml, StringComparison.Ordinal);
        Assert.Equal("关于修订测试的通知（更正）", revisions[2].Title);
        var notice = await factory.WithDbAsync(db => db.Notices.AsNoTracking().SingleAsync(n => n.Id == noticeId));
        Assert.Equal(3, notice.RevisionNumber);
        Assert.Contains("王芳", notice.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(Notice.Normalise("（更正）"), notice.SearchText, StringComparison.Ordinal);

        using var anonymous = factory.CreatePortalClient();
        var page = await anonymous.GetStringAsync($"/notices/{noticeId}");
        Assert.Contains("修订记录", page, StringComparison.Ordinal);
        Assert.Contains("截止时间调整为6月15日", page, StringComparison.Ordinal);
        Assert.Contains("第 3 版（现行）", page, StringComparison.Ordinal);
        Assert.Contains("王芳", page, StringComparison.Ordinal);
        var original = await anonymous.GetStringAsync($"/notices/{noticeId}/revisions/1");
        Assert.Contains("历史版本", original, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", original, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{noticeId}/revisions/9")).StatusCode);
        Assert.Equal(3, await UnreadAsync("hami.filer@demo.local", $"/notices/{noticeId}"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.NoticeRevised && e.EntityId == noticeId.ToString())));
    }

    [Fact]
    public async Task Revise_WithoutNote_OrUnchanged_OrByOthers_StoresNothing()
    {
        using var organiser = await factory.SignedInAsync(Organiser);
        var xinjiang = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        var noticeId = await PublishedNoticeAsync(organiser, xinjiang, "关于修订校验测试的通知", ["Prefecture"]);
        var form = $"/notices/{noticeId}/revise";
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");
        using var filer = await factory.SignedInAsync("hami.filer@demo.local");
        using var anonymous = factory.CreatePortalClient();

        var noNote = await organiser.PostFormAsync(form, Revision("关于修订校验测试的通知", "新的正文", ""), form);
        var unchanged = await organiser.PostFormAsync(form, Revision("关于修订校验测试的通知", "一、活动时间\n二、活动内容", "没有改动"), form);
        var emptyBody = await organiser.PostFormAsync(form, Revision("关于修订校验测试的通知", "<p><br></p>", "清空正文"), form);
        var otherOrganisation = await shaanxi.PostFormAsync(form, Revision("篡改", "篡改", "篡改"), "/organiser");
        var otherGet = await shaanxi.GetAsync(form);
        var byFiler = await filer.PostFormAsync(form, Revision("篡改", "篡改", "篡改"), "/filer");
        var byAnonymous = await anonymous.GetAsync(form);

        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("请填写修订说明", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("新的正文", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("内容与当前版本相同", await unchanged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("通知正文不能为空", await emptyBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byFiler.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byAnonymous.StatusCode);
        Assert.Contains("/account/sign-in", byAnonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).SelectMany(n => n.Revisions).CountAsync()));
        Assert.Equal("关于修订校验测试的通知", await factory.WithDbAsync(db => db.Notices.Where(n => n.Id == noticeId).Select(n => n.Title).SingleAsync()));
    }

    [Fact]
    public async Task Notifications_AreOwnOnly_OpeningMarksRead_ReadAllClears()
    {
        using var organiser = await factory.SignedInAsync(Organiser);
        var xinjiang = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        var noticeId = await PublishedNoticeAsync(organiser, xinjiang, "关于消息已读测试的通知", ["Prefecture"]);
        var hamiId = await factory.UserIdAsync("hami.filer@demo.local");
        var notificationId = await factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == hamiId && n.Link == $"/notices/{noticeId}").Select(n => n.Id).SingleAsync());
        using var hami = await factory.SignedInAsync("hami.filer@demo.local");
        using var karamay = await factory.SignedInAsync("klmy.filer@demo.local");
        using var anonymous = factory.CreatePortalClient();

        var stolen = await karamay.PostFormAsync($"/notifications/{notificationId}/open", new Dictionary<string, string>(), "/notifications");
        var stillUnread = await UnreadAsync("hami.filer@demo.local", $"/notices/{noticeId}");
        var open = await hami.PostFormAsync($"/notifications/{notificationId}/open", new Dictionary<string, string>(), "/notifications");
        var list = await anonymous.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(1, stillUnread);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/notices/{noticeId}", open.Headers.Location!.OriginalString);
        Assert.Equal(0, await UnreadAsync("hami.filer@demo.local", $"/notices/{noticeId}"));
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);

        var readAll = await karamay.PostFormAsync("/notifications/read-all", new Dictionary<string, string>(), "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        var karamayId = await factory.UserIdAsync("klmy.filer@demo.local");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == karamayId && n.ReadAt == null)));
        Assert.DoesNotContain("data-unread", await karamay.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Id == notificationId && n.ReadAt != null)));
    }

    private static int Unread(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-unread=\"(\\d+)\"");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static Dictionary<string, string> Revision(string title, string body, string note) => new()
    {
        ["Title"] = title,
        ["MainRecipientsText"] = "各区科协",
        ["Body"] = body,
        ["DocumentDate"] = "2026-05-04",
        ["ChangeNote"] = note,
    };
}
