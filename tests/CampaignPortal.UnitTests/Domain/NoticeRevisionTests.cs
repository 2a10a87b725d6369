using CampaignPortal.Web.Domain;

namespace CampaignPortal.UnitTests.Domain;

public sealed class NoticeRevisionTests
{
    private static readonly DateTimeOffset Published = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero);

    private static Notice PublishedNotice()
    {
        var notice = new Notice(1, NoticeKind.Notice, "关于举办科技活动周的通知", Published);
        notice.Write(new NoticeContent(NoticeKind.Notice, "关于举办科技活动周的通知", null, "各区科协", null, "<p>一、活动时间</p>", null, null, null, null, true));
        notice.SetIssuers([1], ["某市科协"]);
        notice.Publish(Published, DateOnly.FromDateTime(Published.Date), "王芳");
        return notice;
    }

    private static NoticeRevisionContent Content(string body, string title = "关于举办科技活动周的通知") =>
        new(title, null, "各区科协", null, body, null, null, null, null);

    [Fact]
    public void Publish_StoresTheFirstRevision()
    {
        var notice = PublishedNotice();

        var first = Assert.Single(notice.Revisions);
        Assert.Equal(1, first.Number);
        Assert.Null(first.ChangeNote);
        Assert.Equal("<p>一、活动时间</p>", first.BodyHtml);
        Assert.Equal("王芳", first.RevisedBy);
        Assert.Equal(1, notice.RevisionNumber);
    }

    [Fact]
    public void Revise_AddsNumberedRevisions_AndKeepsEarlierText()
    {
        var notice = PublishedNotice();

        notice.Revise(Content("<p>一、活动时间：5月20日</p>"), "补充时间", Published.AddDays(1), "王芳");
        notice.Revise(Content("<p>一、活动时间：5月21日</p>", "关于举办科技活动周的通知（更正）"), "更正时间", Published.AddDays(2), "李强");

        Assert.Equal([1, 2, 3], notice.Revisions.Select(r => r.Number));
        Assert.Equal("<p>一、活动时间</p>", notice.Revisions[0].BodyHtml);
        Assert.Equal("<p>一、活动时间：5月20日</p>", notice.Revisions[1].BodyHtml);
        Assert.Equal("关于举办科技活动周的通知（更正）", notice.Title);
        Assert.Equal(3, notice.RevisionNumber);
        Assert.Equal(Published.AddDays(2), notice.RevisedAt);
    }

    [Fact]
    public void Revise_Refused_WhenDraft_Withdrawn_Unchanged_NoNote_OrEmptyBody()
    {
        var draft = new Notice(1, NoticeKind.Notice, "草稿", Published);
        Assert.Throws<DomainException>(() => draft.Revise(Content("<p>x</p>"), "说明", Published, null));

        var notice = PublishedNotice();
        Assert.Throws<DomainException>(() => notice.Revise(Content("<p>一、活动时间</p>"), "没改", Published, null));
        Assert.Throws<DomainException>(() => notice.Revise(Content("<p>新</p>"), " ", Published, null));
        Assert.Throws<DomainException>(() => notice.Revise(Content(""), "清空", Published, null));
        Assert.Single(notice.Revisions);
        Assert.Equal("<p>一、活动时间</p>", notice.BodyHtml);

        notice.Withdraw("发错了", Published);
        Assert.Throws<DomainException>(() => notice.Revise(Content("<p>新</p>"), "说明", Published, null));
    }

    [Fact]
    public void Notification_RefusesLinksOutsideThePortal()
    {
        Assert.Throws<ArgumentException>(() => new Notification("u", NotificationKind.NoticePublished, "x", "https://evil.test/", Published));
        Assert.Throws<ArgumentException>(() => new Notification("u", NotificationKind.NoticePublished, "x", "//evil.test/", Published));
        var ok = new Notification("u", NotificationKind.NoticePublished, "x", "/notices/1", Published);
        ok.MarkRead(Published.AddHours(1));
        ok.MarkRead(Published.AddHours(2));
        Assert.Equal(Published.AddHours(1), ok.ReadAt);
    }
}
