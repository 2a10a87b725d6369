using Microsoft.Extensions.Options;

namespace CampaignPortal.Web.Features.Notices;

/// <summary>The public notice list's filter choices: the years and the issuing units of published public notices.</summary>
public sealed record NoticeFilters(IReadOnlyList<int> Years, IReadOnlyList<IssuerOption> Issuers);

/// <summary>
/// The filter choices are the same for every visitor and change only when a notice is published, revised or withdrawn,
/// so they are read at most once every <see cref="Infrastructure.SiteOptions.FilterListSeconds"/> (0 reads them on every
/// request). A change made through this server drops them at once (<see cref="Invalidate"/>); another server's change
/// shows here within that time, as for the output cache.
/// </summary>
public sealed class NoticeFilterCache(IOptions<Infrastructure.SiteOptions> site, TimeProvider clock)
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, site.Value.FilterListSeconds));
    private Entry? _entry;
    private long _generation;

    public async Task<NoticeFilters> GetAsync(Func<CancellationToken, Task<NoticeFilters>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _entry) is { } entry && entry.Generation == generation && now < entry.Expires)
        {
            return entry.Filters;
        }

        var filters = await load(cancellationToken);
        if (_lifetime > TimeSpan.Zero)
        {
            // Stamped with the generation read before loading: a change during the load makes the next request reload.
            Volatile.Write(ref _entry, new Entry(filters, generation, now + _lifetime));
        }

        return filters;
    }

    /// <summary>A public notice changed on this server: the next request reads the choices again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Entry(NoticeFilters Filters, long Generation, DateTimeOffset Expires);
}
