using System.Net;
using System.Text.RegularExpressions;
using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Reports;

/// <summary>The review queue sends the same few SQL commands with 100 reports as with 10,000.</summary>
public sealed partial class ReviewQueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ReviewQueue_QueryCountFlat_From100To10000Reports()
    {
        var xinjiang = await factory.OrganisationIdAsync("新疆维吾尔自治区科学技术协会");
        var units = await factory.WithDbAsync(db => db.Organisations.Where(o => o.ParentId == xinjiang).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());

        // One report per (campaign, unit): enough campaigns for 10,000 pairs.
        var campaigns = await factory.WithDbAsync(async db =>
        {
            var created = Enumerable.Range(0, (10_000 / units.Count) + 1).Select(i =>
            {
                var c = new Campaign(xinjiang, 2026, $"队列测试活动{i}", DateTimeOffset.UtcNow);
                c.Describe(2026, c.Title, null, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), null, new DateOnly(2026, 6, 15));
                c.Publish();
                return c;
            }).ToList();
            db.Campaigns.AddRange(created);
            await db.SaveChangesAsync();
            return created.Select(c => c.Id).ToList();
        });
        Task AddAsync(int from, int count) => factory.WithDbAsync(async db =>
        {
            var due = DateTimeOffset.UtcNow;
            for (var i = from; i < from + count; i++)
            {
                var report = new SummaryReport(campaigns[i / units.Count], units[i % units.Count], xinjiang, DateTimeOffset.UtcNow, "填报员");
                var version = report.Submit(0, due, DateTimeOffset.UtcNow.AddSeconds(i), "填报员");
                db.SummaryReports.Add(report);
                db.ReportVersions.Add(version);
            }

            return await db.SaveChangesAsync();
        });
        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        async Task<int> CommandsAsync(string path)
        {
            factory.Commands.Reset();
            var response = await reviewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return factory.Commands.Count;
        }

        string[] pages = ["/reviews", "/reviews?status=&sort=Unit&page=3", $"/reviews?late=true&campaign={campaigns[0]}&sort=Newest"];
        await AddAsync(0, 100);
        var small = new List<int>();
        foreach (var page in pages)
        {
            small.Add(await CommandsAsync(page));
        }

        await AddAsync(100, 9_900);
        var large = new List<int>();
        foreach (var page in pages)
        {
            large.Add(await CommandsAsync(page));
        }

        Assert.Equal(small, large);
        // The queue's 5 (Performance/QueryBudgetTests) plus the 5 of the session check, which these tests run on every request.
        Assert.All(large, count => Assert.True(count <= 10, $"{count} commands"));
        // 10,000 + the demo's waiting reports: past the count's cap the page says "more than" and offers 500 pages.
        var html = await reviewer.GetStringAsync("/reviews?page=400");
        Assert.Contains("超过 10,000 份", html, StringComparison.Ordinal);
        Assert.Contains("队列测试活动", html, StringComparison.Ordinal);
        Assert.Contains("共 500 页", await reviewer.GetStringAsync("/reviews?page=501"), StringComparison.Ordinal);

        // Hundreds of campaigns: the filter lists the 30 most recent (so the page does not grow with them), plus the
        // chosen one however old it is, and says where the others are.
        var filter = CampaignFilter().Match(await reviewer.GetStringAsync($"/reviews?campaign={campaigns[0]}")).Value;
        Assert.Equal(ReviewService.CampaignOptions + 1, Regex.Count(filter, "<option", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains($"<option value=\"{campaigns[0]}\" selected=\"selected\">队列测试活动0</option>", filter, StringComparison.Ordinal);
        Assert.Contains($">队列测试活动{campaigns.Count - 1}</option>", filter, StringComparison.Ordinal);
        var plain = await reviewer.GetStringAsync("/reviews");
        Assert.Equal(ReviewService.CampaignOptions, Regex.Count(CampaignFilter().Match(plain).Value, "<option value=\"\\d", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("只列出最近 30 项活动", plain, StringComparison.Ordinal);
    }

    [GeneratedRegex("<select id=\"campaign\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex CampaignFilter();
}
