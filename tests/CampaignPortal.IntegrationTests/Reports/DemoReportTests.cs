using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Reports;

/// <summary>The seed summary (shared/seeds) is Xinjiang's approved report to the national 2022 campaign, word for word.</summary>
public sealed class DemoReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string SeedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds", "2022-xinjiang-workers-day-summary.zh-Hans.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/seeds/2022-xinjiang-workers-day-summary.zh-Hans.txt not found above the test directory.");
    }

    [Fact]
    public async Task SeedSummary_IsXinjiangsApprovedReport_SectionsWordForWord_FiguresWithQualifiers()
    {
        var national = await CampaignIdAsync(factory, NationalCampaign);
        var report = (await ReportAsync(factory, national, "新疆维吾尔自治区科学技术协会"))!;
        var version = await factory.WithDbAsync(db => db.ReportVersions.AsNoTracking().SingleAsync(v => v.ReportId == report.Id && v.Number == 1));
        var lines = File.ReadAllLines(SeedFile()).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var body = lines.Skip(2).TakeWhile(l => l != "自治区科协").Where(l => l is not ("一、基本情况" or "二、活动亮点" or "三、下一步工作")).ToList();
        var text = string.Join("\n", version.Sections.OrderBy(s => s.Order).Select(s => WebUtility.HtmlDecode(s.Html)));

        Assert.Equal(ReportStatus.Approved, report.Status);
        Assert.Equal(["基本情况", "活动亮点", "下一步工作"], version.Sections.OrderBy(s => s.Order).Select(s => s.Title).ToArray());
        Assert.All(body, paragraph => Assert.Contains($"<p>{paragraph}</p>", text, StringComparison.Ordinal));
        Assert.Equal(lines.Count - 2 - 3 - 4, body.Count); // title and 发布时间; three headings; signature, date and the two editor lines

        string Figure(string code) => version.Figures.Single(f => f.Code == code) is var f ? FigureFormat.Display(f.Hundredths, f.Qualifier, string.Empty) : "";
        Assert.Equal("129", Figure("nominated"));
        Assert.Equal("52", Figure("second_round"));
        Assert.Equal("42", Figure("final_round"));
        Assert.Equal("20", Figure("winners"));
        Assert.Equal("10", Figure("national_candidates"));
        Assert.Equal("150余", Figure("artworks"));
        Assert.Equal("70余", Figure("lecture_audience"));
        Assert.Equal("14", Figure("sub_venues"));
        Assert.Equal("7", Figure("onsite_media"));
        Assert.Equal("9", Figure("journalists"));
        Assert.Equal("10余", Figure("media_outlets"));
        Assert.Equal("20余", Figure("media"));
        Assert.Equal("近100", Figure("reposts"));
        Assert.Equal("150,000", Figure("participants"));
        Assert.StartsWith("据不完全统计", version.Figures.Single(f => f.Code == "participants").Note, StringComparison.Ordinal);
        Assert.Contains(version.Media, m => m.Outlet == "新疆日报" && m.Date == new DateOnly(2022, 5, 31) && m.PageOrSlot == "头版、第2版");
        Assert.Contains(version.Media, m => m.Outlet == "人民网新疆频道");
        Assert.Contains(version.Media, m => m.Outlet == "新疆电视台" && m.Kind == MediaKind.Television);
        Assert.Equal(14, version.Media.Count);

        // Every state is in the demo's prefecture reports to Xinjiang's campaign.
        var xinjiang2022 = await CampaignIdAsync(factory);
        var states = await factory.WithDbAsync(db => db.SummaryReports.Where(r => r.CampaignId == xinjiang2022).Select(r => new { r.Status, r.IsLate }).ToListAsync());
        Assert.Contains(states, s => s.Status == ReportStatus.Draft);
        Assert.Contains(states, s => s.Status == ReportStatus.Submitted && !s.IsLate);
        Assert.Contains(states, s => s.Status == ReportStatus.Submitted && s.IsLate);
        Assert.Contains(states, s => s.Status == ReportStatus.Returned);
        Assert.Contains(states, s => s.Status == ReportStatus.Approved);
    }

    [Fact]
    public async Task SeedSummary_ReadableByCastReviewer_NotByAnotherProvince()
    {
        var national = await CampaignIdAsync(factory, NationalCampaign);
        var report = (await ReportAsync(factory, national, "新疆维吾尔自治区科学技术协会"))!;
        using var cast = await factory.SignedInAsync("cast.reviewer@demo.local");
        using var shaanxi = await factory.SignedInAsync("sx.organiser@demo.local");

        var html = await cast.GetStringAsync($"/reports/{report.Id}");

        Assert.Contains("新疆科技馆数字展厅开展仪式", html, StringComparison.Ordinal);
        Assert.Contains("150余幅", html, StringComparison.Ordinal);
        Assert.Contains("近100次", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await shaanxi.GetAsync($"/reports/{report.Id}")).StatusCode);
    }
}
