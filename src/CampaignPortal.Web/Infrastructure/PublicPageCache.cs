using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>
/// Output cache for the public pages (front page, notice list, notice pages) as anonymous visitors see them: the
/// framework's default policy already leaves out signed-in users and responses that set cookies; entries vary by the
/// display language and live <see cref="SiteOptions.PublicCacheSeconds"/> (30 s by default; 0 turns caching off). A
/// published, revised or withdrawn notice evicts them at once on this server, and on the others within that time.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-pages";

    public const string NoticesTag = "notices";

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue($"{SiteOptions.Section}:{nameof(SiteOptions.PublicCacheSeconds)}", new SiteOptions().PublicCacheSeconds);
        services.AddOutputCache(o => o.AddPolicy(Policy, b =>
        {
            if (seconds <= 0)
            {
                b.NoCache();
                return;
            }

            b.Expire(TimeSpan.FromSeconds(seconds)).Tag(NoticesTag)
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name));
        }));
        return services;
    }

    /// <summary>After a notice changed: the cached public pages go now (on this server).</summary>
    public static Task EvictNoticesAsync(this IOutputCacheStore store, CancellationToken cancellationToken) =>
        store.EvictByTagAsync(NoticesTag, cancellationToken).AsTask();
}
