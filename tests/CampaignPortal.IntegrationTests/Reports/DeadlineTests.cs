using CampaignPortal.IntegrationTests.Infrastructure;
using CampaignPortal.Web.Domain;
using CampaignPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static CampaignPortal.IntegrationTests.Infrastructure.ReportSteps;

namespace CampaignPortal.IntegrationTests.Reports;

/// <summary>The portal with a clock the test moves (FakeTimeProvider), starting now.</summary>
public sealed class ClockedPortalFactory : PortalFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>"6月15日前报送" is until the end of that day in China: 23:59 is on time, 00:01 the next day is late (逾期).</summary>
public sealed class DeadlineTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task Submission_At2359ChinaTime_OnTime_At0001NextDay_Late_ExtensionMovesTheLine()
    {
        var campaignId = await CampaignIdAsync(factory);
        var deadline = ChinaTime.Today(factory.Clock).AddDays(1);
        await factory.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportDeadline, deadline)));
        var endOfDay = ChinaTime.EndOfDayUtc(deadline);

        factory.Clock.SetUtcNow(endOfDay.AddMinutes(-1)); // 23:59 China time on the deadline day
        using (var hami = await factory.SignedInAsync("hami.filer@demo.local"))
        {
            await SubmitCompleteAsync(hami, campaignId);
        }

        factory.Clock.SetUtcNow(endOfDay.AddMinutes(1)); // 00:01 the next day
        using (var karamay = await factory.SignedInAsync("klmy.filer@demo.local"))
        {
            await SubmitCompleteAsync(karamay, campaignId);
        }

        // 阿勒泰 has an extension of one day: 00:01 is on time for it.
        var altay = await factory.OrganisationIdAsync("阿勒泰地区科学技术协会");
        using (var organiser = await factory.SignedInAsync("xj.organiser@demo.local"))
        {
            await organiser.PostFormAsync($"/campaigns/{campaignId}/extensions", new Dictionary<string, string>
            {
                ["organisationId"] = altay.ToString(),
                ["deadline"] = deadline.AddDays(1).ToString("yyyy-MM-dd"),
                ["reason"] = "材料汇总延后",
            }, $"/campaigns/{campaignId}/reports");
        }

        await factory.CreateUserAsync("altay.filer@test.local", organisation: "阿勒泰地区科学技术协会");
        using (var filer = await factory.SignedInAsync("altay.filer@test.local"))
        {
            await SubmitCompleteAsync(filer, campaignId);
            Assert.Contains("已延期", await filer.GetStringAsync($"/campaigns/{campaignId}/report"), StringComparison.Ordinal);
        }

        Assert.False((await ReportAsync(factory, campaignId, "哈密市科学技术协会"))!.IsLate);
        Assert.True((await ReportAsync(factory, campaignId, "克拉玛依市科学技术协会"))!.IsLate);
        Assert.False((await ReportAsync(factory, campaignId, "阿勒泰地区科学技术协会"))!.IsLate);
        var late = await factory.WithDbAsync(db => db.ReportVersions.Where(v => v.Report!.CampaignId == campaignId && v.SubmittedAt >= endOfDay.AddMinutes(-2))
            .OrderBy(v => v.SubmittedAt).Select(v => v.IsLate).ToListAsync());
        Assert.Equal([false, true, false], late);

        using var reviewer = await factory.SignedInAsync("xj.reviewer@demo.local");
        var lateOnly = await reviewer.GetStringAsync($"/reviews?late=true&campaign={campaignId}");
        Assert.Contains("克拉玛依市科学技术协会", lateOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(">哈密市科学技术协会</td>", lateOnly, StringComparison.Ordinal);
    }
}
