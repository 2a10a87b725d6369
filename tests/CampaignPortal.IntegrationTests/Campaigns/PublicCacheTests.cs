using System.Net;
using CampaignPortal.IntegrationTests.Infrastructure;
using static CampaignPortal.IntegrationTests.Infrastructure.CampaignSteps;

namespace CampaignPortal.IntegrationTests.Campaigns;

/// <summary>Anonymous visitors' public pages come from the output cache; a published or withdrawn notice shows at once; staff are never served a cached page.</summary>
public sealed class PublicCacheTests(PublicCacheTests.CachingPortal factory) : IClassFixture<PublicCacheTests.CachingPortal>
{
    /// <summary>The other tests run without the cache (they count queries per request); this one with it, as production.</summary>
    public sealed class CachingPortal : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:PublicCacheSeconds", "30");
            builder.UseSetting("Site:FilterListSeconds", "60");
        }
    }

    [Fact]
    public async Task NoticeList_CachedForVisitors_EvictedWhenANoticeIsPublishedOrWithdrawn_NeverForStaff()
    {
        using var visitor = factory.CreatePortalClient();
        var first = await visitor.GetStringAsync("/notices");
        factory.Commands.Reset();
        var second = await visitor.GetStringAsync("/notices");
        Assert.Equal(0, factory.Commands.Count); // served from the cache: no SQL at all
        Assert.Equal(first, second);

        using var organiser = await factory.SignedInAsync("klmy.organiser@demo.local");
        factory.Commands.Reset();
        await organiser.GetStringAsync("/notices");
        Assert.True(factory.Commands.Count > 0, "A signed-in page came from the cache.");

        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        var noticeId = await PublishedNoticeAsync(organiser, karamay, "关于缓存测试的通知", ["County"]);
        Assert.Contains("关于缓存测试的通知", await visitor.GetStringAsync("/notices"), StringComparison.Ordinal);
        Assert.Contains("关于缓存测试的通知", await visitor.GetStringAsync($"/notices/{noticeId}"), StringComparison.Ordinal);

        var withdrawn = await organiser.PostFormAsync($"/notices/{noticeId}/withdraw", new Dictionary<string, string> { ["reason"] = "测试撤回" }, $"/notices/{noticeId}/withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("测试撤回", await visitor.GetStringAsync($"/notices/{noticeId}"), StringComparison.Ordinal); // the withdrawal and its reason show at once
    }

    [Fact]
    public async Task NoticeListFilters_ReadOnceForEveryone_ReadAgainAfterAPublication()
    {
        // Signed in, so never the output cache: what is left is the filter choices' own cache.
        using var organiser = await factory.SignedInAsync("klmy.organiser@demo.local");
        async Task<int> CommandsAsync()
        {
            await organiser.GetStringAsync("/notices?page=2"); // fills the cache if a publication emptied it
            factory.Commands.Reset();
            await organiser.GetStringAsync("/notices");
            return factory.Commands.Count;
        }

        var cached = await CommandsAsync();
        var karamay = await factory.OrganisationIdAsync("克拉玛依市科学技术协会");
        await PublishedNoticeAsync(organiser, karamay, "关于筛选条件缓存测试的通知", ["County"]);
        factory.Commands.Reset();
        var html = await organiser.GetStringAsync("/notices");
        Assert.Equal(cached + 2, factory.Commands.Count); // the years and the issuers read again at once
        Assert.Contains($"<option value=\"{karamay}\"", html, StringComparison.Ordinal);
        Assert.Equal(cached, await CommandsAsync());
    }

    [Fact]
    public async Task EnglishVisitors_GetTheirOwnCachedPage()
    {
        using var chinese = factory.CreatePortalClient();
        using var english = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await english.GetAsync("/culture/en-US")).StatusCode);

        var zh = await chinese.GetStringAsync("/");
        var en = await english.GetStringAsync("/");

        Assert.Contains("lang=\"zh-CN\"", zh, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", en, StringComparison.Ordinal);
    }
}
