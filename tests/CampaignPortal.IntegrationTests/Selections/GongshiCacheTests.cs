using CampaignPortal.IntegrationTests.Campaigns;
using CampaignPortal.Web.Features.Selections;
using CampaignPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CampaignPortal.IntegrationTests.Selections.AnnouncementSteps;
using static CampaignPortal.IntegrationTests.Selections.SelectionSteps;

namespace CampaignPortal.IntegrationTests.Selections;

/// <summary>The public 公示 page comes from the output cache for visitors and is evicted when the organiser changes it.</summary>
public sealed class GongshiCacheTests(PublicCacheTests.CachingPortal factory) : IClassFixture<PublicCacheTests.CachingPortal>
{
    [Fact]
    public async Task GongshiPage_CachedForVisitors_EvictedWhenACitationChanges()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var p = await ProposedSelectionAsync(factory, today, "缓存评选");
        Assert.True((await PublishAsync(factory, p.SelectionId, today)).Succeeded);
        using var visitor = factory.CreatePortalClient();
        var first = await visitor.GetStringAsync($"/gongshi/{p.SelectionId}");
        factory.Commands.Reset();
        Assert.Equal(first, await visitor.GetStringAsync($"/gongshi/{p.SelectionId}"));
        Assert.Equal(0, factory.Commands.Count);

        var entry = await factory.WithDbAsync(db => db.AnnouncementEntries.Where(e => e.NominationId == p.Winner2).Select(e => e.Id).SingleAsync());
        Assert.True((await AsAsync<AnnouncementService, CommandResult>(factory, Organiser, s => s.SetCitationAsync(p.SelectionId, entry, "新的事迹简介：援疆二十年。", default))).Succeeded);
        Assert.Contains("新的事迹简介：援疆二十年。", await visitor.GetStringAsync($"/gongshi/{p.SelectionId}"), StringComparison.Ordinal);
    }
}
