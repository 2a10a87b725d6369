using CampaignPortal.Web.Features.Notices;
using CampaignPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignPortal.UnitTests.Features;

public sealed class NoticeFilterCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 30, 8, 0, 0, TimeSpan.Zero));
    private int _loads;

    private Task<NoticeFilters> LoadAsync(CancellationToken cancellationToken)
    {
        _loads++;
        return Task.FromResult(new NoticeFilters([2026 - _loads], [new IssuerOption(_loads, $"单位{_loads}")]));
    }

    private NoticeFilterCache Cache(int seconds) => new(Options.Create(new SiteOptions { FilterListSeconds = seconds }), _clock);

    [Fact]
    public async Task KeptForTheirLifetime_ThenReadAgain()
    {
        var cache = Cache(60);
        var first = await cache.GetAsync(LoadAsync, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Same(first, await cache.GetAsync(LoadAsync, CancellationToken.None));
        Assert.Equal(1, _loads);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotSame(first, await cache.GetAsync(LoadAsync, CancellationToken.None));
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Invalidate_ReadsAgainAtOnce()
    {
        var cache = Cache(60);
        await cache.GetAsync(LoadAsync, CancellationToken.None);
        cache.Invalidate();
        var reloaded = await cache.GetAsync(LoadAsync, CancellationToken.None);
        Assert.Equal(2, _loads);
        Assert.Same(reloaded, await cache.GetAsync(LoadAsync, CancellationToken.None));
    }

    [Fact]
    public async Task AChangeDuringTheLoad_IsNotHiddenByTheOlderResult()
    {
        var cache = Cache(60);
        await cache.GetAsync(
            async ct =>
            {
                var loaded = await LoadAsync(ct);
                cache.Invalidate(); // a notice published while the choices were being read
                return loaded;
            },
            CancellationToken.None);
        await cache.GetAsync(LoadAsync, CancellationToken.None);
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task ZeroSeconds_ReadsEveryTime()
    {
        var cache = Cache(0);
        await cache.GetAsync(LoadAsync, CancellationToken.None);
        await cache.GetAsync(LoadAsync, CancellationToken.None);
        Assert.Equal(2, _loads);
    }
}
