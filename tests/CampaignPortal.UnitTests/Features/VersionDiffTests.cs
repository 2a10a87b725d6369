using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Reports;

namespace CampaignPortal.UnitTests.Features;

public sealed class VersionDiffTests
{
    private static readonly DateTimeOffset At = new(2022, 6, 10, 8, 0, 0, TimeSpan.Zero);

    private static Indicator[] Indicators =>
    [
        new("activities", "举办活动", "项", IndicatorValueType.Whole, true),
        new("artworks", "展出作品", "幅", IndicatorValueType.Whole, false),
    ];

    [Fact]
    public void Characters_OneCharacterChanged_ShowsExactlyThatCharacter()
    {
        var segments = VersionDiff.Characters("共推选129位优秀科技工作者", "共推选128位优秀科技工作者");

        Assert.Equal(
            [new DiffSegment(DiffKind.Same, "共推选12"), new DiffSegment(DiffKind.Deleted, "9"), new DiffSegment(DiffKind.Inserted, "8"), new DiffSegment(DiffKind.Same, "位优秀科技工作者")],
            segments);
    }

    [Fact]
    public void Text_OneCharacterInOneOfSeveralParagraphs_OnlyThatCharacterMarked()
    {
        var segments = VersionDiff.Text("第一段不变\n共推选129位\n第三段不变", "第一段不变\n共推选128位\n第三段不变");

        Assert.Equal(
            [new DiffSegment(DiffKind.Same, "第一段不变\n共推选12"), new DiffSegment(DiffKind.Deleted, "9"), new DiffSegment(DiffKind.Inserted, "8"), new DiffSegment(DiffKind.Same, "位\n第三段不变")],
            segments);
    }

    [Fact]
    public void Text_HugeChangedParagraph_ShownWholeInsteadOfCharacterByCharacter()
    {
        var before = new string('甲', 60_000);
        var after = new string('乙', 60_000);

        var segments = VersionDiff.Text("开头\n" + before, "开头\n" + after);

        Assert.Equal([new DiffSegment(DiffKind.Same, "开头\n"), new DiffSegment(DiffKind.Deleted, before), new DiffSegment(DiffKind.Inserted, after)], segments);
    }

    [Fact]
    public void Characters_Unchanged_IsOneSameSegment()
    {
        Assert.Equal([new DiffSegment(DiffKind.Same, "活动亮点")], VersionDiff.Characters("活动亮点", "活动亮点"));
        Assert.Empty(VersionDiff.Characters(string.Empty, string.Empty));
    }

    [Fact]
    public void ToHtml_EncodesEveryCharacter_MarksChanges()
    {
        var html = VersionDiff.ToHtml(VersionDiff.Characters("甲<b>\n乙", "甲<i>\n乙"));

        Assert.Equal("甲&lt;<del>b</del><ins>i</ins>&gt;<br>乙", html);
    }

    [Fact]
    public void PlainText_OneLinePerParagraph_EntitiesDecoded()
    {
        Assert.Equal("第一段\n第二段 &lt;\n甲\n乙", VersionDiff.PlainText("<p>第一段</p><p>第二段 &amp;lt;</p><ul><li>甲</li><li>乙</li></ul>"));
    }

    [Fact]
    public void Between_SectionsFiguresMediaAndFiles()
    {
        var report = new SummaryReport(1, 2, 3, At, "甲");
        report.Save(Content("<p>展出150余幅作品。</p>", 150, FigureQualifier.MoreThan), 0, At, "甲");
        report.AddMedia(MediaKind.Newspaper, "新疆日报", null, new DateOnly(2022, 5, 31), null, "头版");
        var photo = Guid.NewGuid();
        report.AddFile(new ReportFile(photo, ReportFileKind.Photo, "现场.jpg", 10, new string('a', 64), null, null, At));
        var first = report.Submit(report.Version, null, At, "甲");
        report.Return(first, "请补充", new Dictionary<string, string>(), At, "审核员");
        report.Save(Content("<p>展出160余幅作品。</p>", 160, FigureQualifier.MoreThan), report.Version, At, "甲");
        report.RemoveFile(photo);
        report.AddMedia(MediaKind.Website, "人民网新疆频道", "报道", null, null, null);
        var second = report.Submit(report.Version, null, At, "甲");

        var diff = VersionDiff.Between(first, second, Indicators);

        var section = Assert.Single(diff.Sections);
        Assert.Equal("基本情况", section.Title);
        Assert.Equal(1, section.Inserted);
        Assert.Equal(1, section.Deleted);
        Assert.Equal(["活动亮点"], diff.UnchangedSections);
        var figure = Assert.Single(diff.Figures);
        Assert.Equal(("展出作品", "150余幅", "160余幅"), (figure.Name, figure.Before, figure.After));
        Assert.Equal(["人民网新疆频道《报道》"], diff.MediaAdded);
        Assert.Empty(diff.MediaRemoved);
        var file = Assert.Single(diff.Files);
        Assert.False(file.Added);
        Assert.Equal("现场.jpg", file.Name);
        Assert.False(diff.IsEmpty);
        Assert.True(VersionDiff.Between(second, second, Indicators).IsEmpty);
    }

    private static ReportContent Content(string basic, long artworks, FigureQualifier qualifier) => new(
        [new SectionText(1, "基本情况", basic), new SectionText(2, "活动亮点", "<p>亮点不变。</p>")],
        [new FigureValue("activities", 500, FigureQualifier.Exact, null, FigureSource.Manual), new FigureValue("artworks", artworks * 100, qualifier, null, FigureSource.Manual)],
        "甲", "1", "乙");
}
