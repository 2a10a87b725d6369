using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;

namespace CampaignPortal.UnitTests.Domain;

public sealed class SummaryReportTests
{
    private const string Filer = "张敏";
    private const string Reviewer = "王芳";
    private const string FirstSection = "工作开展情况";
    private const string SecondSection = "主要成效";

    private static readonly DateTimeOffset Created = new(2022, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly CampaignDeadline = new(2022, 6, 15);

    private static SummaryReport NewReport() => new(10, 5, 1, Created, Filer);

    private static ReportContent Content(string firstHtml = "<p>开展活动12场</p>", long activities = 1200) =>
        new(
            [new SectionText(1, FirstSection, firstHtml), new SectionText(2, SecondSection, "<p>覆盖群众</p>")],
            [new FigureValue("activities", activities, FigureQualifier.Exact, null, FigureSource.Manual)],
            $" {Filer} ",
            "13800000000",
            "李华");

    private static ReportFile Photo(string name = "现场.jpg") =>
        new(Guid.NewGuid(), ReportFileKind.Photo, name, 2048, new string('a', 64), "活动现场", "照片", Created);

    /// <summary>A draft with content, one media item and one file, saved once.</summary>
    private static SummaryReport FilledReport()
    {
        var report = NewReport();
        report.Save(Content(), report.Version, Created.AddHours(1), Filer);
        report.AddMedia(MediaKind.Newspaper, "广西日报", "科技周开幕", new DateOnly(2022, 5, 21), "https://example.test/a", "第3版");
        report.AddFile(Photo());
        return report;
    }

    private static (SummaryReport Report, ReportVersion Version) SubmittedReport()
    {
        var report = FilledReport();
        var version = report.Submit(report.Version, null, Created.AddDays(1), Filer);
        return (report, version);
    }

    private static (SummaryReport Report, ReportVersion Version) ApprovedReport()
    {
        var (report, version) = SubmittedReport();
        report.Approve(version, "材料齐全", Created.AddDays(2), Reviewer);
        return (report, version);
    }

    private static (SummaryReport Report, ReportVersion Version) ReturnedReport()
    {
        var (report, version) = SubmittedReport();
        report.Return(version, "请补充照片", new Dictionary<string, string>(), Created.AddDays(2), Reviewer);
        return (report, version);
    }

    [Fact]
    public void Constructor_NewReport_IsDraftWithCreatedEvent()
    {
        var report = NewReport();

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(0, report.Version);
        Assert.Equal(0, report.LatestVersionNumber);
        Assert.True(report.IsEditable);
        Assert.Null(report.SubmittedAt);
        var created = Assert.Single(report.Events);
        Assert.Equal(ReportEventKind.Created, created.Kind);
        Assert.Equal(Created, created.At);
        Assert.Equal(Filer, created.By);
        Assert.Null(created.VersionNumber);
    }

    [Fact]
    public void Save_EditableReport_ReplacesContentAndIncrementsVersion()
    {
        var report = NewReport();

        report.Save(Content(), 0, Created.AddHours(1), Filer);
        Assert.Equal(1, report.Version);

        var replacement = new ReportContent(
            [new SectionText(1, FirstSection, "<p>改写</p>")],
            [new FigureValue("audience", 50000, FigureQualifier.About, null, FigureSource.Manual)],
            "  ",
            null,
            " 李华 ");
        report.Save(replacement, 1, Created.AddHours(2), "李强");

        Assert.Equal(2, report.Version);
        var section = Assert.Single(report.Sections);
        Assert.Equal("<p>改写</p>", section.Html);
        var figure = Assert.Single(report.Figures);
        Assert.Equal("audience", figure.Code);
        Assert.Null(report.FilerName);
        Assert.Null(report.FilerPhone);
        Assert.Equal("李华", report.ResponsiblePerson);
        Assert.Equal(Created.AddHours(2), report.UpdatedAt);
        Assert.Equal("李强", report.UpdatedBy);
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Save_StaleExpectedVersion_ThrowsAndKeepsContent()
    {
        var report = NewReport();
        report.Save(Content("<p>第一人</p>"), 0, Created.AddHours(1), Filer);

        Assert.Throws<DomainException>(() => report.Save(Content("<p>第二人</p>"), 0, Created.AddHours(2), "李强"));

        Assert.Equal(1, report.Version);
        Assert.Equal("<p>第一人</p>", report.Sections[0].Html);
    }

    [Fact]
    public void Submit_Draft_FreezesVersionOne()
    {
        var report = FilledReport();
        var at = Created.AddDays(1);

        var version = report.Submit(report.Version, null, at, Filer);

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(1, report.LatestVersionNumber);
        Assert.Equal(2, report.Version);
        Assert.Equal(at, report.SubmittedAt);
        Assert.False(report.IsEditable);
        Assert.Equal(1, version.Number);
        Assert.Equal(report.Id, version.ReportId);
        Assert.Equal(at, version.SubmittedAt);
        Assert.Equal(Filer, version.SubmittedBy);
        Assert.Equal(Filer, version.FilerName);
        Assert.Equal("13800000000", version.FilerPhone);
        Assert.Equal("李华", version.ResponsiblePerson);
        Assert.Equal(report.Sections.Select(s => (s.Order, s.Title, s.Html)), version.Sections.Select(s => (s.Order, s.Title, s.Html)));
        Assert.Equal(report.Figures.Select(f => (f.Code, f.Hundredths)), version.Figures.Select(f => (f.Code, f.Hundredths)));
        Assert.Equal("广西日报", Assert.Single(version.Media).Outlet);
        Assert.Equal(report.Files[0].StoredFileId, Assert.Single(version.Files).StoredFileId);
        Assert.NotSame(report.Sections[0], version.Sections[0]);
        Assert.Null(version.Decision);
        Assert.Null(version.WithdrawnAt);
        var submitted = report.Events[^1];
        Assert.Equal(ReportEventKind.Submitted, submitted.Kind);
        Assert.Equal(1, submitted.VersionNumber);
        Assert.Null(submitted.Comment);
    }

    [Fact]
    public void Submit_StaleExpectedVersion_Throws()
    {
        var report = FilledReport();

        Assert.Throws<DomainException>(() => report.Submit(report.Version - 1, null, Created.AddDays(1), Filer));

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Equal(0, report.LatestVersionNumber);
    }

    [Fact]
    public void Submit_AlreadySubmitted_Throws()
    {
        var (report, _) = SubmittedReport();

        Assert.Throws<DomainException>(() => report.Submit(report.Version, null, Created.AddDays(2), Filer));

        Assert.Equal(1, report.LatestVersionNumber);
    }

    [Fact]
    public void Submit_Approved_Throws()
    {
        var (report, _) = ApprovedReport();

        Assert.Throws<DomainException>(() => report.Submit(report.Version, null, Created.AddDays(3), Filer));
    }

    [Theory]
    [InlineData(15, 23, 59, false)]
    [InlineData(16, 0, 0, true)]
    [InlineData(16, 0, 1, true)]
    public void Submit_AroundTheDeadlineDayInChina_MarksLateAfterTheDay(int day, int hour, int minute, bool late)
    {
        var report = FilledReport();
        var dueBy = ChinaTime.EndOfDayUtc(CampaignDeadline);
        var at = new DateTimeOffset(2022, 6, day, hour, minute, 0, TimeSpan.FromHours(8));

        var version = report.Submit(report.Version, dueBy, at, Filer);

        Assert.Equal(late, report.IsLate);
        Assert.Equal(late, version.IsLate);
        Assert.Equal(late ? "逾期提交" : null, report.Events[^1].Comment);
    }

    [Fact]
    public void Submit_NoDeadline_IsNeverLate()
    {
        var report = FilledReport();

        var version = report.Submit(report.Version, null, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), Filer);

        Assert.False(report.IsLate);
        Assert.False(version.IsLate);
    }

    [Fact]
    public void Withdraw_Submitted_BackToDraftAndVersionMarked()
    {
        var (report, version) = SubmittedReport();
        var at = Created.AddDays(1).AddHours(1);

        report.Withdraw(version, at, Filer);

        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.True(report.IsEditable);
        Assert.Equal(at, version.WithdrawnAt);
        Assert.Equal(1, report.LatestVersionNumber);
        var withdrawn = report.Events[^1];
        Assert.Equal(ReportEventKind.Withdrawn, withdrawn.Kind);
        Assert.Equal(1, withdrawn.VersionNumber);

        report.Save(Content("<p>撤回后修改</p>"), report.Version, at.AddHours(1), Filer);
        var second = report.Submit(report.Version, null, at.AddHours(2), Filer);
        Assert.Equal(2, second.Number);
        Assert.Equal("<p>开展活动12场</p>", version.Sections[0].Html);
    }

    [Fact]
    public void Withdraw_Draft_Throws()
    {
        var (report, version) = SubmittedReport();
        report.Withdraw(version, Created.AddDays(1), Filer);

        Assert.Throws<DomainException>(() => report.Withdraw(version, Created.AddDays(2), Filer));
        Assert.Equal(ReportStatus.Draft, report.Status);
    }

    [Fact]
    public void Withdraw_Approved_Throws()
    {
        var (report, version) = ApprovedReport();

        var error = Assert.Throws<DomainException>(() => report.Withdraw(version, Created.AddDays(3), Filer));

        Assert.Equal("报告已审核通过，不能撤回。", error.Message);
        Assert.Equal(ReportStatus.Approved, report.Status);
        Assert.Null(version.WithdrawnAt);
    }

    [Fact]
    public void Withdraw_Returned_Throws()
    {
        var (report, version) = ReturnedReport();

        Assert.Throws<DomainException>(() => report.Withdraw(version, Created.AddDays(3), Filer));
        Assert.Equal(ReportStatus.Returned, report.Status);
    }

    [Fact]
    public void Approve_Submitted_LocksReportAndDecidesVersion()
    {
        var (report, version) = SubmittedReport();
        var at = Created.AddDays(2);

        report.Approve(version, " 材料齐全 ", at, Reviewer);

        Assert.Equal(ReportStatus.Approved, report.Status);
        Assert.False(report.IsEditable);
        Assert.Equal(at, report.ReviewedAt);
        Assert.Equal(ReviewDecision.Approved, version.Decision);
        Assert.Equal("材料齐全", version.ReviewComment);
        Assert.Equal(at, version.ReviewedAt);
        Assert.Equal(Reviewer, version.ReviewedBy);
        var approved = report.Events[^1];
        Assert.Equal(ReportEventKind.Approved, approved.Kind);
        Assert.Equal(1, approved.VersionNumber);
        Assert.Equal("材料齐全", approved.Comment);
    }

    [Fact]
    public void Approve_WithoutComment_IsAllowed()
    {
        var (report, version) = SubmittedReport();

        report.Approve(version, null, Created.AddDays(2), Reviewer);

        Assert.Equal(ReportStatus.Approved, report.Status);
        Assert.Null(version.ReviewComment);
        Assert.Null(report.Events[^1].Comment);
    }

    [Fact]
    public void Approve_Draft_Throws()
    {
        var report = FilledReport();
        var notSubmitted = new ReportVersion(report, 0, Created, Filer, false);

        var error = Assert.Throws<DomainException>(() => report.Approve(notSubmitted, null, Created.AddDays(2), Reviewer));

        Assert.Equal("报告尚未提交，不能通过。", error.Message);
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Null(notSubmitted.Decision);
    }

    [Fact]
    public void Approve_ApprovedOrReturned_Throws()
    {
        var (approved, approvedVersion) = ApprovedReport();
        var (returned, returnedVersion) = ReturnedReport();

        Assert.Throws<DomainException>(() => approved.Approve(approvedVersion, null, Created.AddDays(3), Reviewer));
        Assert.Throws<DomainException>(() => returned.Approve(returnedVersion, null, Created.AddDays(3), Reviewer));
        Assert.Equal(ReportStatus.Returned, returned.Status);
        Assert.Equal(ReviewDecision.Returned, returnedVersion.Decision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_WithoutComment_Throws(string comment)
    {
        var (report, version) = SubmittedReport();

        Assert.Throws<DomainException>(() => report.Return(version, comment, new Dictionary<string, string>(), Created.AddDays(2), Reviewer));

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Null(version.Decision);
    }

    [Fact]
    public void Return_Submitted_StoresCommentsPerSectionTitle()
    {
        var (report, version) = SubmittedReport();
        var at = Created.AddDays(2);
        var sectionComments = new Dictionary<string, string>
        {
            [FirstSection] = " 请写明活动场次的统计口径 ",
            [SecondSection] = "  ",
            ["不存在的部分"] = "忽略",
        };

        report.Return(version, " 请补充照片 ", sectionComments, at, Reviewer);

        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.True(report.IsEditable);
        Assert.Equal(at, report.ReviewedAt);
        Assert.Equal(ReviewDecision.Returned, version.Decision);
        Assert.Equal("请补充照片", version.ReviewComment);
        Assert.Equal("请写明活动场次的统计口径", version.Sections.Single(s => s.Title == FirstSection).Comment);
        Assert.Null(version.Sections.Single(s => s.Title == SecondSection).Comment);
        Assert.All(report.Sections, s => Assert.Null(s.Comment));
        var returned = report.Events[^1];
        Assert.Equal(ReportEventKind.Returned, returned.Kind);
        Assert.Equal(1, returned.VersionNumber);
        Assert.Equal("请补充照片", returned.Comment);
    }

    [Fact]
    public void Return_DraftOrApproved_Throws()
    {
        var draft = FilledReport();
        var (approved, approvedVersion) = ApprovedReport();

        Assert.Throws<DomainException>(() => draft.Return(new ReportVersion(draft, 0, Created, Filer, false), "意见", new Dictionary<string, string>(), Created, Reviewer));
        Assert.Throws<DomainException>(() => approved.Return(approvedVersion, "意见", new Dictionary<string, string>(), Created.AddDays(3), Reviewer));
        Assert.Equal(ReportStatus.Approved, approved.Status);
        Assert.Equal(ReviewDecision.Approved, approvedVersion.Decision);
    }

    [Fact]
    public void Submit_AfterReturnAndEdit_CreatesVersionTwoAndKeepsVersionOne()
    {
        var (report, first) = ReturnedReport();

        report.Save(Content("<p>开展活动15场</p>", 1500), report.Version, Created.AddDays(3), Filer);
        report.AddFile(Photo("补充.jpg"));
        var second = report.Submit(report.Version, null, Created.AddDays(3).AddHours(1), Filer);

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(2, report.LatestVersionNumber);
        Assert.Equal(2, second.Number);
        Assert.Equal("<p>开展活动15场</p>", second.Sections[0].Html);
        Assert.Equal(1500, second.Figures[0].Hundredths);
        Assert.Equal(2, second.Files.Count);
        Assert.Null(second.Decision);
        Assert.Equal(1, first.Number);
        Assert.Equal("<p>开展活动12场</p>", first.Sections[0].Html);
        Assert.Equal(1200, first.Figures[0].Hundredths);
        Assert.Single(first.Files);
        Assert.Equal(ReviewDecision.Returned, first.Decision);
        Assert.Equal(
            [ReportEventKind.Created, ReportEventKind.Submitted, ReportEventKind.Returned, ReportEventKind.Submitted],
            report.Events.Select(e => e.Kind));
        Assert.Equal(2, report.Events[^1].VersionNumber);
    }

    [Fact]
    public void Approve_OlderVersionAfterResubmission_Throws()
    {
        var (report, first) = ReturnedReport();
        report.Save(Content("<p>修改</p>"), report.Version, Created.AddDays(3), Filer);
        report.Submit(report.Version, null, Created.AddDays(3), Filer);

        Assert.Throws<DomainException>(() => report.Approve(first, null, Created.AddDays(4), Reviewer));
        Assert.Throws<DomainException>(() => report.Return(first, "意见", new Dictionary<string, string>(), Created.AddDays(4), Reviewer));
        Assert.Throws<DomainException>(() => report.Withdraw(first, Created.AddDays(4), Filer));
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(ReviewDecision.Returned, first.Decision);
    }

    [Fact]
    public void ApproveOrReturn_VersionWithAnotherNumber_Throws()
    {
        var (report, latest) = SubmittedReport();
        var other = new ReportVersion(report, 2, Created.AddDays(1), Filer, false);

        Assert.Throws<DomainException>(() => report.Approve(other, null, Created.AddDays(2), Reviewer));
        Assert.Throws<DomainException>(() => report.Return(other, "意见", new Dictionary<string, string>(), Created.AddDays(2), Reviewer));
        Assert.Throws<DomainException>(() => report.Withdraw(other, Created.AddDays(2), Filer));

        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Null(other.Decision);
        Assert.Null(latest.Decision);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Edits_SubmittedOrApproved_Throw(bool approve)
    {
        var (report, version) = SubmittedReport();
        if (approve)
        {
            report.Approve(version, null, Created.AddDays(2), Reviewer);
        }

        var fileId = report.Files[0].StoredFileId;
        var mediaOrder = report.Media[0].Order;
        var versionBefore = report.Version;

        Assert.Throws<DomainException>(() => report.Save(Content("<p>改</p>"), report.Version, Created.AddDays(3), Filer));
        Assert.Throws<DomainException>(() => report.AddMedia(MediaKind.Website, "新华网", null, null, null, null));
        Assert.Throws<DomainException>(() => report.RemoveMedia(mediaOrder));
        Assert.Throws<DomainException>(() => report.AddFile(Photo("新.jpg")));
        Assert.Throws<DomainException>(() => report.RemoveFile(fileId));
        Assert.Throws<DomainException>(report.EnsureEditable);

        Assert.Equal(versionBefore, report.Version);
        Assert.Equal("<p>开展活动12场</p>", report.Sections[0].Html);
        Assert.Single(report.Media);
        Assert.Single(report.Files);
    }

    [Fact]
    public void MediaAndFiles_Draft_AddAndRemoveWithoutTouchingVersion()
    {
        var report = NewReport();
        var photo = Photo();

        report.AddMedia(MediaKind.Newspaper, " 广西日报 ", null, null, null, null);
        report.AddMedia(MediaKind.Television, "广西卫视", null, null, "http://example.test/v", null);
        report.AddFile(photo);

        Assert.Equal([1, 2], report.Media.Select(m => m.Order));
        Assert.Equal("广西日报", report.Media[0].Outlet);
        Assert.True(report.RemoveMedia(1));
        Assert.False(report.RemoveMedia(1));
        report.AddMedia(MediaKind.Website, "新华网", null, null, null, null);
        Assert.Equal([2, 3], report.Media.Select(m => m.Order));
        Assert.True(report.RemoveFile(photo.StoredFileId));
        Assert.False(report.RemoveFile(photo.StoredFileId));
        Assert.Empty(report.Files);
        Assert.Equal(0, report.Version);
    }

    [Fact]
    public void AddMedia_LinkNotWeb_Throws()
    {
        var report = NewReport();

        Assert.Throws<DomainException>(() => report.AddMedia(MediaKind.Website, "某网站", null, null, "javascript:alert(1)", null));
        Assert.Empty(report.Media);
    }

    [Fact]
    public void Reopen_Approved_ReturnsForEditingAndResubmission()
    {
        var (report, first) = ApprovedReport();
        var at = Created.AddDays(5);

        report.Reopen(" 统计数据有误 ", at, "组织者");

        Assert.Equal(ReportStatus.Returned, report.Status);
        Assert.True(report.IsEditable);
        var reopened = report.Events[^1];
        Assert.Equal(ReportEventKind.Reopened, reopened.Kind);
        Assert.Equal("统计数据有误", reopened.Comment);
        Assert.Equal(1, reopened.VersionNumber);
        Assert.Equal("组织者", reopened.By);
        Assert.Equal(ReviewDecision.Approved, first.Decision);

        report.Save(Content("<p>更正</p>"), report.Version, at.AddHours(1), Filer);
        var second = report.Submit(report.Version, null, at.AddHours(2), Filer);
        Assert.Equal(2, second.Number);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void Reopen_NotApproved_Throws()
    {
        var draft = NewReport();
        var (submitted, _) = SubmittedReport();
        var (returned, _) = ReturnedReport();

        Assert.Throws<DomainException>(() => draft.Reopen("原因", Created, "组织者"));
        Assert.Throws<DomainException>(() => submitted.Reopen("原因", Created, "组织者"));
        Assert.Throws<DomainException>(() => returned.Reopen("原因", Created, "组织者"));
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        Assert.Equal(ReportStatus.Returned, returned.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reopen_WithoutReason_Throws(string reason)
    {
        var (report, _) = ApprovedReport();

        Assert.Throws<DomainException>(() => report.Reopen(reason, Created.AddDays(5), "组织者"));
        Assert.Equal(ReportStatus.Approved, report.Status);
    }

    private static Campaign PublishedCampaign()
    {
        var campaign = new Campaign(1, 2022, "2022年科技活动周", Created);
        campaign.Describe(2022, "2022年科技活动周", "热爱科学", new DateOnly(2022, 5, 20), new DateOnly(2022, 5, 27), null, CampaignDeadline);
        campaign.AddParticipants([5], ParticipantSource.Notice, Created);
        campaign.Publish();
        return campaign;
    }

    [Fact]
    public void ExtendDeadline_AfterCampaignDeadline_AppliesToThatUnitOnly()
    {
        var campaign = PublishedCampaign();
        var extended = new DateOnly(2022, 6, 30);

        campaign.ExtendDeadline(5, extended, " 疫情影响 ", Reviewer, Created.AddDays(10));

        Assert.Equal(extended, campaign.DeadlineFor(5));
        Assert.Equal(CampaignDeadline, campaign.DeadlineFor(6));
        var participant = Assert.Single(campaign.Participants);
        Assert.Equal(extended, participant.ExtendedDeadline);
        Assert.Equal("疫情影响", participant.ExtensionReason);
        Assert.Equal(Reviewer, participant.ExtendedBy);
        Assert.Equal(Created.AddDays(10), participant.ExtendedAt);
    }

    [Fact]
    public void DeadlineFor_CampaignDeadlineMovedPastTheExtension_TheLaterDayCounts()
    {
        var campaign = PublishedCampaign();
        campaign.ExtendDeadline(5, new DateOnly(2022, 6, 20), "疫情影响", Reviewer, Created.AddDays(10));

        campaign.Describe(campaign.Year, campaign.Title, null, campaign.PeriodStart, campaign.PeriodEnd, null, new DateOnly(2022, 6, 25));

        Assert.Equal(new DateOnly(2022, 6, 25), campaign.DeadlineFor(5));
        Assert.Equal(new DateOnly(2022, 6, 25), campaign.DeadlineFor(6));
    }

    [Fact]
    public void ExtendDeadline_SubmissionBeforeExtendedDay_IsNotLate()
    {
        var campaign = PublishedCampaign();
        campaign.ExtendDeadline(5, new DateOnly(2022, 6, 30), "疫情影响", Reviewer, Created.AddDays(10));
        var report = FilledReport();
        var dueBy = campaign.DeadlineFor(5) is { } day ? ChinaTime.EndOfDayUtc(day) : (DateTimeOffset?)null;

        report.Submit(report.Version, dueBy, new DateTimeOffset(2022, 6, 20, 10, 0, 0, TimeSpan.FromHours(8)), Filer);

        Assert.False(report.IsLate);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(10)]
    public void ExtendDeadline_NotAfterCampaignDeadline_Throws(int day)
    {
        var campaign = PublishedCampaign();

        Assert.Throws<DomainException>(() => campaign.ExtendDeadline(5, new DateOnly(2022, 6, day), "疫情影响", Reviewer, Created));

        Assert.Equal(CampaignDeadline, campaign.DeadlineFor(5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ExtendDeadline_EmptyReason_Throws(string reason)
    {
        var campaign = PublishedCampaign();

        Assert.Throws<DomainException>(() => campaign.ExtendDeadline(5, new DateOnly(2022, 6, 30), reason, Reviewer, Created));

        Assert.Null(campaign.Participants[0].ExtendedDeadline);
    }

    [Fact]
    public void ExtendDeadline_NonParticipant_Throws()
    {
        var campaign = PublishedCampaign();

        Assert.Throws<DomainException>(() => campaign.ExtendDeadline(6, new DateOnly(2022, 6, 30), "疫情影响", Reviewer, Created));

        Assert.Equal(CampaignDeadline, campaign.DeadlineFor(6));
    }

    [Fact]
    public void ExtendDeadline_DraftCampaign_Throws()
    {
        var campaign = new Campaign(1, 2022, "2022年科技活动周", Created);
        campaign.Describe(2022, "2022年科技活动周", null, new DateOnly(2022, 5, 20), null, null, CampaignDeadline);
        campaign.AddParticipants([5], ParticipantSource.Notice, Created);

        Assert.Throws<DomainException>(() => campaign.ExtendDeadline(5, new DateOnly(2022, 6, 30), "疫情影响", Reviewer, Created));
    }
}
