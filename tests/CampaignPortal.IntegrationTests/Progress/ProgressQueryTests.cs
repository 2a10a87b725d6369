using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Progress;

/// <summary>The grid and the roll-up send the same SQL commands with 10 units as with 1,000.</summary>
public sealed class ProgressQueryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task GridAndRollup_QueryCountFlat_From10To1000Units()
    {
        var at = DateTimeOffset.UtcNow;
        var campaignId = await factory.WithDbAsync(async db =>
        {
            var xinjiang = await db.Organisations.SingleAsync(o => o.Name == "新疆维吾尔自治区科学技术协会");
            var campaign = new Campaign(xinjiang.Id, 2026, "千家单位进度测试", at);
            campaign.Describe(2026, campaign.Title, null, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, new DateOnly(2026, 6, 15));
            campaign.ReplaceIndicators(CampaignDefaults.Indicators());
            campaign.ReplaceCategories(["甲", "乙"]);
            campaign.Publish();
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        Task AddUnitsAsync(int from, int count) => factory.WithDbAsync(async db =>
        {
            var xinjiang = await db.Organisations.SingleAsync(o => o.Name == "新疆维吾尔自治区科学技术协会");
            var campaign = await db.Campaigns.Include(c => c.Participants).SingleAsync(c => c.Id == campaignId);
            var units = Enumerable.Range(from, count).Select(i => new Organisation($"进度测试单位{i:D4}", $"单位{i}", OrganisationKind.Society, xinjiang, at)).ToList();
            db.Organisations.AddRange(units);
            await db.SaveChangesAsync();
            campaign.AddParticipants(units.Select(u => u.Id), ParticipantSource.Manual, at);
            foreach (var (unit, i) in units.Select((u, i) => (u, i + from)))
            {
                db.Activities.Add(new Activity(campaignId, unit.Id, new ActivityDetails($"活动{i}", null, ActivityKind.Other, ActivityForm.Offline,
                    new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 10), false, "会场", null, null, null, null, null, 10, null, null, null, false), at));
                if (i % 3 == 0)
                {
                    continue; // not started
                }

                var report = new SummaryReport(campaignId, unit.Id, xinjiang.Id, at, "填报员");
                report.Save(new ReportContent([], [new FigureValue("activities", (i % 9) * 100, i % 2 == 0 ? FigureQualifier.MoreThan : FigureQualifier.Exact, null, FigureSource.Manual),
                    new FigureValue("participants", i * 100, FigureQualifier.Exact, null, FigureSource.Manual)], "填报员", "1", "负责人"), 0, at, "填报员");
                var version = report.Submit(report.Version, ChinaTimeDue(), at.AddMinutes(i), "填报员");
                if (i % 3 == 1)
                {
                    report.Approve(version, null, at, "审核员");
                }

                db.SummaryReports.Add(report);
                db.ReportVersions.Add(version);
            }

            return await db.SaveChangesAsync();
        });
        using var organiser = await factory.SignedInAsync("xj.organiser@demo.local");
        async Task<int> CommandsAsync(string path)
        {
            factory.Commands.Reset();
            var response = await organiser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return factory.Commands.Count;
        }

        string[] pages =
        [
            $"/campaigns/{campaignId}/progress", $"/campaigns/{campaignId}/progress?status=Submitted&sort=SubmittedAt&page=2",
            $"/campaigns/{campaignId}/rollup", $"/campaigns/{campaignId}/rollup?submitted=true", $"/api/campaigns/{campaignId}/rollup",
        ];
        await AddUnitsAsync(0, 10);
        var small = new List<int>();
        foreach (var page in pages)
        {
            small.Add(await CommandsAsync(page));
        }

        await AddUnitsAsync(10, 990);
        var large = new List<int>();
        foreach (var page in pages)
        {
            large.Add(await CommandsAsync(page));
        }

        Assert.Equal(small, large);
        Assert.All(large, count => Assert.True(count <= 20, $"{count} commands"));
        Assert.Contains("共 1000 个单位", await organiser.GetStringAsync($"/campaigns/{campaignId}/progress"), StringComparison.Ordinal);
    }

    private static DateTimeOffset ChinaTimeDue() => CampaignPortal.Web.Infrastructure.ChinaTime.EndOfDayUtc(new DateOnly(2026, 6, 15));
}
