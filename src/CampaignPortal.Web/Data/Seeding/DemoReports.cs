using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>
/// The summary reports of the demo: the seed summary as Xinjiang's approved report to the national 2022 campaign
/// (sections word for word, figures with their qualifiers, the media it names), and prefecture reports to Xinjiang's
/// own campaign in every state. 克拉玛依 and 哈密 are left for the demo accounts to fill.
/// </summary>
public sealed partial class DemoCampaigns
{
    /// <summary>The 2022 Workers' Day statistics table (national, inherited by the forwarded campaigns).</summary>
    private static IEnumerable<Indicator> WorkersDayIndicators() =>
    [
        new("activities", "举办活动", "项", IndicatorValueType.Whole, true, prefill: PrefillSource.ActivitiesHeld),
        new("participants", "参与人数", "人次", IndicatorValueType.Whole, true, prefill: PrefillSource.ParticipantsSum),
        new("sub_venues", "设置分会场", "个", IndicatorValueType.Whole, false),
        new("nominated", "推选候选人", "人", IndicatorValueType.Whole, false, "最美科技工作者学习宣传"),
        new("second_round", "进入复评", "人", IndicatorValueType.Whole, false, "最美科技工作者学习宣传"),
        new("final_round", "进入终评", "人", IndicatorValueType.Whole, false, "最美科技工作者学习宣传"),
        new("winners", "评选出最美科技工作者", "人", IndicatorValueType.Whole, false, "最美科技工作者学习宣传"),
        new("national_candidates", "向全国推选候选人", "人", IndicatorValueType.Whole, false, "最美科技工作者学习宣传"),
        new("artworks", "展出科学与艺术作品", "幅", IndicatorValueType.Whole, false, "主题展览与报告会"),
        new("lecture_audience", "科学家精神报告会参加人数", "人", IndicatorValueType.Whole, false, "主题展览与报告会"),
        new("onsite_media", "现场采访媒体", "家", IndicatorValueType.Whole, false, "宣传报道"),
        new("journalists", "现场采访记者", "位", IndicatorValueType.Whole, false, "宣传报道"),
        new("media_outlets", "报道媒体", "家", IndicatorValueType.Whole, false, "宣传报道"),
        new("media", "报道篇数", "篇", IndicatorValueType.Whole, false, "宣传报道", PrefillSource.MediaItems),
        new("reposts", "网络转载", "次", IndicatorValueType.Whole, false, "宣传报道"),
    ];

    private static IEnumerable<(string Name, string? Note, bool IsRequired)> WorkersDayMaterials() =>
    [
        ("统计表", "按统计指标填写。", true),
        ("照片", "活动现场照片，每张附简要说明。", false),
        ("媒体报道", "报纸、电视、广播、网站、新媒体的报道。", false),
        ("盖章扫描件", "加盖单位公章的总结报告扫描件。", false),
    ];

    private async Task WorkersDayReportsAsync(Campaign national, Campaign xinjiang2022, Dictionary<string, Organisation> org, CancellationToken cancellationToken)
    {
        var xinjiang = org[OrganisationSeeds.Xinjiang];
        var cast = org[OrganisationSeeds.National];

        // 自治区科协's report to 中国科协: the seed summary, submitted 2 June 2022 (its date), approved the next day.
        var report = new SummaryReport(national.Id, xinjiang.Id, cast.Id, At(new DateOnly(2022, 6, 1)), "调研宣传部");
        report.Save(new ReportContent(
            [
                new SectionText(1, "基本情况", Document("2022-xinjiang-summary-basic")),
                new SectionText(2, "活动亮点", Document("2022-xinjiang-summary-highlights")),
                new SectionText(4, "下一步工作", Document("2022-xinjiang-summary-next")),
            ],
            [
                Figure("activities", 6),
                Figure("participants", 150_000, note: "据不完全统计，全区科技工作者参与评选、发布等全过程"),
                Figure("sub_venues", 14, note: "全疆14个地（州、市）科协，视频会议形式"),
                Figure("nominated", 129),
                Figure("second_round", 52),
                Figure("final_round", 42),
                Figure("winners", 20),
                Figure("national_candidates", 10),
                Figure("artworks", 150, FigureQualifier.MoreThan),
                Figure("lecture_audience", 70, FigureQualifier.MoreThan),
                Figure("onsite_media", 7),
                Figure("journalists", 9),
                Figure("media_outlets", 10, FigureQualifier.MoreThan, "主流媒体，据不完全统计"),
                Figure("media", 20, FigureQualifier.MoreThan),
                Figure("reposts", 100, FigureQualifier.Nearly, "数十家网络媒体转载"),
            ],
            "路遥（调研宣传部）", null, null), 0, At(new DateOnly(2022, 6, 2)), "调研宣传部");
        report.AddMedia(MediaKind.Newspaper, "新疆日报", "“全国科技工作者日”新疆主场活动相关新闻（共3篇）", new DateOnly(2022, 5, 31), null, "头版、第2版");
        report.AddMedia(MediaKind.Website, "人民网新疆频道", "“全国科技工作者日”新疆主场活动相关报道（共3篇）", null, null, null);
        report.AddMedia(MediaKind.Television, "新疆电视台", "“全国科技工作者日”新疆主场活动相关报道（共2篇）", new DateOnly(2022, 5, 30), null, "《新闻联播》等栏目（5月30日、31日）");
        foreach (var (outlet, kind) in new[]
        {
            ("人民网", MediaKind.Website), ("新华网", MediaKind.Website), ("央视频", MediaKind.NewMedia), ("央广网", MediaKind.Website),
            ("中国科协官网", MediaKind.Website), ("中国科技报网", MediaKind.Website), ("中国日报网", MediaKind.Website),
            ("新疆广播电视台", MediaKind.Television), ("新疆科技报", MediaKind.Newspaper), ("兵团电视台", MediaKind.Television),
            ("乌鲁木齐晚报", MediaKind.Newspaper),
        })
        {
            report.AddMedia(kind, outlet, null, null, null, null);
        }

        db.SummaryReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        var submitted = At(new DateOnly(2022, 6, 2));
        var version = report.Submit(report.Version, ChinaTime.EndOfDayUtc(national.ReportDeadline!.Value), submitted, "调研宣传部");
        db.ReportVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        report.Approve(version, "材料翔实，同意。", At(new DateOnly(2022, 6, 3)), "中国科协审核员");
        await db.SaveChangesAsync(cancellationToken);

        // Prefecture reports to 自治区科协's own campaign, one in each state.
        var due = ChinaTime.EndOfDayUtc(xinjiang2022.ReportDeadline!.Value);
        await PrefectureReportAsync(xinjiang2022, org["乌鲁木齐市科学技术协会"], xinjiang, due, Day(6, 10), Outcome.Approved, cancellationToken);
        await PrefectureReportAsync(xinjiang2022, org["昌吉回族自治州科学技术协会"], xinjiang, due, Day(6, 12), Outcome.Draft, cancellationToken);
        await PrefectureReportAsync(xinjiang2022, org["吐鲁番市科学技术协会"], xinjiang, due, Day(6, 14), Outcome.Submitted, cancellationToken);
        await PrefectureReportAsync(xinjiang2022, org["伊犁哈萨克自治州科学技术协会"], xinjiang, due, Day(6, 9), Outcome.Returned, cancellationToken);
        await PrefectureReportAsync(xinjiang2022, org["阿克苏地区科学技术协会"], xinjiang, due, Day(6, 17), Outcome.Submitted, cancellationToken);
        await PrefectureReportAsync(xinjiang2022, org["巴音郭楞蒙古自治州科学技术协会"], xinjiang, due, Day(6, 8), Outcome.Resubmitted, cancellationToken);

        // 塔城地区 asked for more time: its extension to 20 June makes a submission on 18 June on time.
        var tacheng = org["塔城地区科学技术协会"];
        var campaign = await db.Campaigns.Include(c => c.Participants).SingleAsync(c => c.Id == xinjiang2022.Id, cancellationToken);
        campaign.ExtendDeadline(tacheng.Id, new DateOnly(2022, 6, 20), "地区疫情防控，材料汇总延后", "新疆科协组织员", Day(6, 14));
        await db.SaveChangesAsync(cancellationToken);
        await PrefectureReportAsync(xinjiang2022, tacheng, xinjiang, ChinaTime.EndOfDayUtc(new DateOnly(2022, 6, 20)), Day(6, 18), Outcome.Submitted, cancellationToken);

        // Under 克拉玛依's forwarded campaign: an approved district report, so 克拉玛依's own report pre-fills from it.
        var karamay2022 = await db.Campaigns.SingleAsync(c => c.ParentCampaignId == xinjiang2022.Id && c.OrganisationId == org[OrganisationSeeds.Karamay].Id, cancellationToken);
        var district = org["克拉玛依区科学技术协会"];
        await PrefectureReportAsync(karamay2022, district, org[OrganisationSeeds.Karamay], ChinaTime.EndOfDayUtc(karamay2022.ReportDeadline!.Value), Day(6, 6),
            Outcome.Approved, cancellationToken);
    }

    private enum Outcome
    {
        Draft,
        Submitted,
        Returned,
        Resubmitted,
        Approved,
    }

    private async Task PrefectureReportAsync(
        Campaign campaign, Organisation unit, Organisation owner, DateTimeOffset due, DateTimeOffset at, Outcome outcome, CancellationToken cancellationToken)
    {
        var name = unit.ShortName;
        var html = System.Net.WebUtility.HtmlEncode(name);
        var seed = unit.Id % 7;
        var filer = $"{name}填报员";
        var report = new SummaryReport(campaign.Id, unit.Id, owner.Id, at.AddDays(-1), filer);
        report.Save(new ReportContent(
            [
                new SectionText(1, "基本情况", $"<p>2022年5月30日，{html}组织开展“全国科技工作者日”系列活动，设分会场以视频会议形式参加自治区主场活动，并举办科技工作者座谈会、走访慰问科技工作者代表。</p>"),
                new SectionText(2, "活动亮点", $"<p>{html}结合本地实际，举办“众心向党 自立自强——党领导下的科学家”主题展，组织科技工作者代表分享科研经历。</p>"),
            ],
            [
                Figure("activities", 3 + seed),
                Figure("participants", 300 + (seed * 120), FigureQualifier.MoreThan),
                Figure("sub_venues", 1),
                Figure("media", 2 + seed),
            ],
            filer, "0990-" + (6_200_000 + unit.Id).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{name}负责人"), 0, at.AddDays(-1), filer);
        report.AddMedia(MediaKind.NewMedia, $"{name}微信公众号", $"{name}开展“全国科技工作者日”系列活动", new DateOnly(2022, 5, 30), null, null);
        db.SummaryReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome == Outcome.Draft)
        {
            return;
        }

        var first = report.Submit(report.Version, due, at, filer);
        db.ReportVersions.Add(first);
        await db.SaveChangesAsync(cancellationToken);
        switch (outcome)
        {
            case Outcome.Approved:
                report.Approve(first, null, at.AddDays(2), $"{owner.ShortName}审核员");
                break;
            case Outcome.Returned:
            case Outcome.Resubmitted:
                report.Return(first, "请补充活动参与人数的统计口径，并上传活动照片。",
                    new Dictionary<string, string> { ["活动亮点"] = "请写明主题展的举办时间和参观人数。" }, at.AddDays(1), $"{owner.ShortName}审核员");
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (outcome == Outcome.Resubmitted)
        {
            var content = new ReportContent(
                [.. report.Sections.Select(s => s.Title == "活动亮点"
                    ? new SectionText(s.Order, s.Title, s.Html + $"<p>主题展于5月30日至6月5日在{html}科技馆举办，参观群众1200余人次。</p>")
                    : s.Copy())],
                [.. report.Figures.Select(f => f.Copy())], report.FilerName, report.FilerPhone, report.ResponsiblePerson);
            report.Save(content, report.Version, at.AddDays(2), filer);
            var second = report.Submit(report.Version, due, at.AddDays(2), filer);
            db.ReportVersions.Add(second);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static FigureValue Figure(string code, long value, FigureQualifier qualifier = FigureQualifier.Exact, string? note = null) =>
        new(code, value * 100, qualifier, note, FigureSource.Manual);

    /// <summary>A time on a day of June 2022, 16:00 China time.</summary>
    private static DateTimeOffset Day(int month, int day) =>
        new DateTimeOffset(new DateTime(2022, month, day, 16, 0, 0, DateTimeKind.Unspecified), TimeSpan.FromHours(8)).ToUniversalTime();
}
